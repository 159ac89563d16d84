//! Layout and static rendering (stub).
