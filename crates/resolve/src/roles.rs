//! Posts compared across documents: "director", "chief" and "head" of a body are one post;
//! "deputy head" is another, a lesser one.

/// Head nouns that all mean the one who leads a body.
const LEADER_HEADS: &[&str] = &["head", "chief", "director", "commander", "leader", "chair"];
/// Modifiers that make a post a lesser one under the leader.
const DEPUTY_MODIFIERS: &[&str] = &["deputy", "vice", "assistant", "first deputy"];

/// The class of a post for comparison: `head`, `deputy head`, `adviser`, or the lexicon's
/// head noun ("minister", "secretary"), with its portfolio for ministers. "Former" and
/// "acting" say when, not what, and are dropped.
pub fn role_class(role: &str) -> String {
    let lower = role.to_lowercase();
    let Some((head, modifiers)) = read::lexicon::parse_role(&lower) else {
        return lower.split_whitespace().collect::<Vec<_>>().join(" ");
    };
    let head = match head.as_str() {
        h if LEADER_HEADS.contains(&h) => "head".to_string(),
        "security adviser" | "adviser" => "adviser".to_string(),
        "minister" => {
            // "interior minister" and "minister of the interior" are one post; "minister"
            // alone may be any.
            let portfolio = ["interior", "foreign", "defence", "defense", "justice", "finance"]
                .into_iter()
                .find(|p| lower.contains(p));
            portfolio.map_or("minister".to_string(), |p| format!("{p} minister"))
        }
        h => h.to_string(),
    };
    let deputy = modifiers.iter().any(|m| DEPUTY_MODIFIERS.contains(&m.as_str()))
        || lower.split_whitespace().any(|w| w == "deputy");
    if deputy && head == "head" { "deputy head".to_string() } else { head }
}

/// Whether a post class leads a body (used to order successive posts).
pub fn is_leading(class: &str) -> bool {
    class == "head"
}

/// The rank of a post within one body, for conflicts ("head" against "deputy head" at the
/// same time): `Some(2)` head, `Some(1)` deputy, `None` for posts that are not in that line.
pub fn rank_in_body(class: &str) -> Option<u8> {
    match class {
        "head" => Some(2),
        "deputy head" => Some(1),
        _ => None,
    }
}
