//! The keyboard, as a reader without a mouse uses it: key presses go to
//! whatever has focus (WebDriver actions), never to an element picked by
//! the test.

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;

use super::browser::Session;

/// Press and release one key (a character, or a [`Key`] as `char`).
pub async fn press(session: &Session, key: impl Into<char>) -> Result<(), String> {
    let key = key.into();
    keys(session, &[key], &[]).await
}

/// Type `text` into the focused element, one key per character.
pub async fn type_text(session: &Session, text: &str) -> Result<(), String> {
    let chars: Vec<char> = text.chars().collect();
    keys(session, &chars, &[]).await
}

/// Press `key` with `modifier` held (e.g. Ctrl+A, Shift+Tab).
pub async fn chord(session: &Session, modifier: Key, key: impl Into<char>) -> Result<(), String> {
    keys(session, &[key.into()], &[modifier.into()]).await
}

async fn keys(session: &Session, keys: &[char], held: &[char]) -> Result<(), String> {
    let mut actions = KeyActions::new("keyboard".to_owned());
    for &m in held {
        actions = actions.then(KeyAction::Down { value: m });
    }
    for &k in keys {
        actions = actions
            .then(KeyAction::Down { value: k })
            .then(KeyAction::Up { value: k });
    }
    for &m in held.iter().rev() {
        actions = actions.then(KeyAction::Up { value: m });
    }
    session
        .client
        .perform_actions(actions)
        .await
        .map_err(|e| format!("key press failed: {e}"))
}

/// Press Tab until `is_there` (a script returning a boolean about
/// `document.activeElement`) holds; fails after `limit` presses. After
/// each press, waits for widgets that came into view to start, as a
/// reader's pace would allow.
pub async fn tab_to(
    session: &Session,
    what: &str,
    is_there: &str,
    limit: usize,
) -> Result<usize, String> {
    for presses in 0..=limit {
        session
            .wait_until(
                "the widgets in view to start",
                &super::widget::settled(),
                vec![],
            )
            .await?;
        let here = session.js(is_there, vec![]).await?;
        if here.as_bool() == Some(true) {
            return Ok(presses);
        }
        press(session, Key::Tab).await?;
    }
    let focused = session
        .js(
            "const a = document.activeElement; return a ? a.outerHTML.slice(0, 200) : 'nothing';",
            vec![],
        )
        .await?;
    Err(format!(
        "{limit} presses of Tab did not reach {what}; focus is on {focused}"
    ))
}
