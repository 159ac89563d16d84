//! Synthetic models (placeholder).
