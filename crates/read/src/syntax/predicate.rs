//! A sentence the tagger left without a verb gets back the one it read as a plural noun.
//!
//! Why: "X heads Norvania's border police." is how news states a post, and the tagger, seeing
//! a name, then "heads" before a possessive, reads "heads" as a plural noun: the sentence has
//! no verb, the parse hangs everything on the name, and no reader finds who heads what. A
//! declarative sentence of news has a predicate; where the tagger found none, the word right
//! after the name that opens the sentence, a lowercase form ending in "s" that training saw as
//! a verb ("heads", "leads", "chairs", "runs"), is the verb. Nothing else is retagged, and
//! only sentences that end in a full stop and have no verb or auxiliary at all.

use super::Upos;

/// Retags the verb of a verbless sentence that opens with a name (see the module doc);
/// `seen_as` says whether training saw a lowercase word with a tag.
pub(super) fn verb_for_verbless(
    words: &[&str],
    lower: &[String],
    tags: &mut [Upos],
    seen_as: impl Fn(&str, Upos) -> bool,
) {
    let n = tags.len();
    if n < 4 || words.len() != n || lower.len() != n || words[n - 1] != "." {
        return;
    }
    if tags.iter().any(|t| matches!(t, Upos::Verb | Upos::Aux)) {
        return;
    }
    // The name that opens the sentence, then the word after it.
    let name_end = tags.iter().take_while(|&&t| t == Upos::Propn).count();
    if name_end == 0 || name_end + 2 >= n {
        return;
    }
    let (w, l) = (words[name_end], lower[name_end].as_str());
    let plural_like = w.starts_with(|c: char| c.is_ascii_lowercase()) && l.ends_with('s');
    if tags[name_end] == Upos::Noun && plural_like && seen_as(l, Upos::Verb) {
        tags[name_end] = Upos::Verb;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn retag(words: &[&str], tags: &[Upos], verbs: &[&str]) -> Vec<Upos> {
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let mut tags = tags.to_vec();
        verb_for_verbless(words, &lower, &mut tags, |l, t| t == Upos::Verb && verbs.contains(&l));
        tags
    }

    use Upos::{Det, Noun, Part, Propn, Punct, Verb};

    #[test]
    fn the_plural_noun_after_the_opening_name_is_the_verb() {
        let words = ["Edda", "Lorn", "heads", "Norvania", "'s", "police", "."];
        let tags = [Propn, Propn, Noun, Propn, Part, Noun, Punct];
        assert_eq!(retag(&words, &tags, &["heads"])[2], Verb);
        // A word training never saw as a verb stays as tagged.
        assert_eq!(retag(&words, &tags, &[])[2], Noun);
    }

    #[test]
    fn a_sentence_with_a_verb_or_no_full_stop_is_left_alone() {
        let words = ["Edda", "Lorn", "heads", "the", "police", "."];
        let tags = [Propn, Propn, Noun, Det, Verb, Punct];
        assert_eq!(retag(&words, &tags, &["heads"]), tags.to_vec());
        let words = ["Edda", "Lorn", "heads", "the", "police"];
        let tags = [Propn, Propn, Noun, Det, Noun];
        assert_eq!(retag(&words, &tags, &["heads"]), tags.to_vec());
    }
}
