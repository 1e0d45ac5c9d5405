//! Who holds a post the parse found: the names around a post phrase that the parse may have
//! attached anywhere ("X, the head of Y", "chief of the Y Staff X", "First Vice President and
//! retired general X", "X (Head of Y)"), and the people a verb is about.

use super::Parse;
use super::positions::Post;
use crate::extract::Doc;
use crate::view::Kind;

/// "First Vice President and retired general Tomasz Wielgosz": a post that shares its
/// name with a second one ("and", then ranks, roles and lowercase modifiers only).
pub(super) fn name_after_other_post(doc: &Doc<'_>, p: &Parse<'_>, t: usize) -> Option<usize> {
    if t + 2 >= p.words.len() || p.form(t + 1) != "and" {
        return None;
    }
    for k in t + 2..(t + 7).min(p.words.len()) {
        if let Some(m) = p.mention_of(doc, k, &[Kind::Per]) {
            return (k > t + 2).then_some(m);
        }
        let post = p.mention_of(doc, k, &[Kind::Rank, Kind::Role]).is_some();
        let modifier = p.form(k).starts_with(char::is_lowercase)
            && matches!(p.words[k].upos.as_str(), "ADJ" | "NOUN" | "VERB");
        if !post && !modifier {
            return None;
        }
    }
    None
}

/// "the chief of the General Staff Tomasz Wielgosz", "Commander-in-Chief of the Coastal
/// Forces Tomasz Wielgosz": a name right after the body's name that follows the post, with
/// nothing between but the body's words (no comma, no verb, no other person).
pub(super) fn name_after_body(doc: &Doc<'_>, p: &Parse<'_>, t: usize) -> Option<usize> {
    if t + 2 >= p.words.len() || p.form(t + 1).to_lowercase() != "of" {
        return None;
    }
    let mut named = false;
    for k in t + 2..(t + 12).min(p.words.len()) {
        if let Some(m) = p.mention_of(doc, k, &[Kind::Per]) {
            // A person right after "of" is the body ("adviser of X"), not the holder; so is
            // one with a post of their own right before ("adviser of the Norvanian President
            // X"), and a possessor ("member of X's inner circle").
            let titled = p.mention_of(doc, k - 1, &[Kind::Role]).is_some();
            let end = (k..p.words.len())
                .take_while(|&w| p.mention_of(doc, w, &[Kind::Per]) == Some(m))
                .last()
                .unwrap_or(k);
            let possessor =
                end + 1 < p.words.len() && matches!(p.form(end + 1), "'s" | "’s" | "'" | "’");
            return (named && !titled && !possessor).then_some(m);
        }
        let f = p.form(k);
        let word = p.mention_of(doc, k, &[Kind::Org, Kind::Loc, Kind::Misc, Kind::Nat]).is_some()
            || matches!(p.words[k].upos.as_str(), "PROPN" | "NOUN" | "ADJ");
        if word {
            named = true;
        } else if !matches!(f, "the" | "of" | "and" | "for" | "&") {
            return None;
        }
    }
    None
}

/// Words of address between a post and a name ("Supreme Leader Ayatollah X").
pub(super) const HONORIFICS: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "dr",
    "sir",
    "dame",
    "lord",
    "lady",
    "sheikh",
    "ayatollah",
    "imam",
    "prince",
    "princess",
    "hajji",
    "haji",
    "comrade",
];

/// The people a verb is about: its subjects (over conjuncts), or the name a relative clause
/// ("X, who became ...") or a reduced one hangs on.
pub(super) fn verb_subjects(doc: &Doc<'_>, p: &Parse<'_>, v: usize) -> Vec<usize> {
    let mut out = Vec::new();
    for s in p.kids(v, "nsubj") {
        for s in p.with_conjuncts(s) {
            let relative = matches!(p.form(s).to_lowercase().as_str(), "who" | "that");
            if relative {
                // "X, who served as ...": where the parse did not make the clause relative
                // to the name (the name a vocative, the clause hung on the main verb), the
                // name right before the pronoun.
                let on_a_person = p.words[v].deprel.starts_with("acl")
                    && p.head(v).and_then(|h| p.mention_of(doc, h, &[Kind::Per])).is_some();
                if !on_a_person && let Some(m) = relative_antecedent(doc, p, s) {
                    out.push(m);
                }
                continue;
            }
            // "X's son-in-law, Y, heads the company": the parser may make the possessor the
            // subject and hang the rest on it; the one named after it is the subject, and
            // the possessor never is.
            let possessor = p.kids(s, "case").any(|c| matches!(p.form(c), "'s" | "’s" | "'" | "’"));
            if possessor {
                let named = p.children[s]
                    .iter()
                    .copied()
                    .filter(|&c| matches!(p.rel(c), "nmod" | "appos"))
                    .find_map(|c| p.mention_of(doc, c, &[Kind::Per]));
                out.extend(named);
                continue;
            }
            if let Some(m) = p.mention_of(doc, s, &[Kind::Per, Kind::Pro]) {
                out.push(m);
            } else if let Some(m) = appositive_name(doc, p, s) {
                out.push(m);
            }
        }
    }
    if out.is_empty()
        && p.words[v].deprel.starts_with("acl")
        && let Some(m) = p.head(v).and_then(|h| p.mention_of(doc, h, &[Kind::Per]))
    {
        out.push(m);
    }
    if out.is_empty()
        && let Some(m) = misparsed_subject(doc, p, v)
    {
        out.push(m);
    }
    // "He became a member of X and remains a member of Y": a coordinated verb without a
    // subject of its own shares the first verb's (up a short chain of conjuncts).
    if out.is_empty()
        && p.rel(v) == "conj"
        && p.kids(v, "nsubj").next().is_none()
        && let Some(h) = p.head(v)
        && h < v
        && p.words[h].upos == "VERB"
    {
        out = verb_subjects(doc, p, h);
    }
    out
}

/// "X's eldest daughter, Y": the name in apposition to a noun that names no one itself (a
/// relative, an aide), which a clause is then about.
pub(super) fn appositive_name(doc: &Doc<'_>, p: &Parse<'_>, c: usize) -> Option<usize> {
    if p.mention[c].is_some() || !matches!(p.words[c].upos.as_str(), "NOUN") {
        return None;
    }
    p.kids(c, "appos").find_map(|a| p.mention_of(doc, a, &[Kind::Per]))
}

/// The subject of a verb the parse lost behind an apposition, a name that opens the clause
/// before the verb with nothing between but the apposition: "X, 58, served as ..." (the name
/// read as an unmarked oblique of the verb) and "X, a retired general, served as ..." (the verb
/// read as a clause on the apposition's noun). A name with a preposition ("According to X,
/// ...") is no subject.
pub(super) fn misparsed_subject(doc: &Doc<'_>, p: &Parse<'_>, v: usize) -> Option<usize> {
    // Whether `k` lies under `top` in the tree (a bounded climb: the parse is a tree, but
    // a walk must not trust that).
    let under = |k: usize, top: usize| {
        let mut at = k;
        for _ in 0..p.words.len() {
            if at == top {
                return true;
            }
            match p.head(at) {
                Some(h) => at = h,
                None => return false,
            }
        }
        false
    };
    // Only the name's own words or punctuation from the sentence's start to the verb (to
    // the copula of a post: "X, 61, was deputy minister").
    let end = p.kids(v, "cop").next().filter(|&c| c < v).unwrap_or(v);
    let only_the_name = |c: usize| (0..end).all(|k| under(k, c) || p.words[k].upos == "PUNCT");
    // "X, 58, served": the name hangs on the verb, left of it, without a preposition.
    let left = p.children[v].iter().copied().filter(|&c| c < v).find(|&c| {
        matches!(p.rel(c), "obl" | "nmod" | "dep" | "obj" | "vocative" | "nmod:unmarked")
            && p.kids(c, "case").next().is_none()
            && p.mention_of(doc, c, &[Kind::Per]).is_some()
    });
    if let Some(c) = left
        && only_the_name(c)
        && (c + 1..end).any(|k| p.words[k].upos != "PUNCT")
    {
        return p.mention_of(doc, c, &[Kind::Per]);
    }
    // "X, a retired general, served": the verb hangs on the apposition of a name.
    let h = p.head(v)?;
    if !p.words[v].deprel.starts_with("acl") || p.rel(h) != "appos" || h > v {
        return None;
    }
    let name = p.head(h)?;
    if name > h || !(0..v).all(|k| under(k, name) && !under(k, v) || p.words[k].upos == "PUNCT") {
        return None;
    }
    p.mention_of(doc, name, &[Kind::Per])
}

/// "X, the Communist Party Secretary of Y": the person right before a comma that opens the
/// post phrase (over its article and the names before its head).
pub(super) fn comma_owner(doc: &Doc<'_>, p: &Parse<'_>, first: usize) -> Option<usize> {
    comma_owner_at(doc, p, first).map(|(m, _)| m)
}

/// [`comma_owner`] with the word index of the comma.
pub(super) fn comma_owner_at(doc: &Doc<'_>, p: &Parse<'_>, first: usize) -> Option<(usize, usize)> {
    let mut k = first;
    while k > 0 {
        k -= 1;
        let f = p.form(k);
        if f == "," {
            return k
                .checked_sub(1)
                .and_then(|b| p.mention_of(doc, b, &[Kind::Per]))
                .map(|m| (m, k));
        }
        // "X, a 63-year-old Varskian former official": ages are premodifiers too.
        let age = f == "-" || p.rel(k) == "nummod" && f.chars().all(|c| c.is_ascii_digit());
        // "X, deputy Norvania director at Y": a place or body inside the post phrase, whatever
        // relation the parse gave it.
        let named = p.mention_of(doc, k, &[Kind::Org, Kind::Misc, Kind::Loc, Kind::Nat]).is_some();
        let premodifier = age
            || named && first - k <= 3
            || matches!(p.rel(k), "det" | "amod" | "compound" | "nmod")
                && (named || f.chars().all(|c| c.is_lowercase() || c == '-'));
        if !premodifier || first - k > 9 {
            return None;
        }
    }
    None
}

/// "X (Head of Y, former Deputy of Z)": the person before the open parenthesis that holds
/// the post.
pub(super) fn parenthesis_owner(doc: &Doc<'_>, p: &Parse<'_>, first: usize) -> Option<usize> {
    let mut depth = 0;
    for k in (0..first).rev() {
        match p.form(k) {
            ")" => depth += 1,
            "(" if depth > 0 => depth -= 1,
            "(" => return k.checked_sub(1).and_then(|b| p.mention_of(doc, b, &[Kind::Per])),
            ";" => return None,
            _ => {}
        }
    }
    None
}

/// "A, B and C, co-founders of Y": the names of the list that ends right before the comma
/// of a plural post's phrase, `last` (the name next to the comma) among them, in text order.
pub(super) fn list_before(doc: &Doc<'_>, p: &Parse<'_>, last: usize, comma: usize) -> Vec<usize> {
    let mut out = vec![last];
    let mut k = doc.view.mentions[last].span.start;
    // The first word of the last name.
    let mut w =
        (0..comma).rev().take_while(|&w| p.words[w].span.start >= k).last().unwrap_or(comma);
    while w > 0 && out.len() < 12 {
        let sep = p.form(w - 1);
        if !matches!(sep, "," | "and") {
            break;
        }
        // ", and" before the last name.
        let mut b = w - 1;
        if sep == "and" && b > 0 && p.form(b - 1) == "," {
            b -= 1;
        }
        let Some(m) = b.checked_sub(1).and_then(|x| p.mention_of(doc, x, &[Kind::Per])) else {
            break;
        };
        if out.contains(&m) {
            break;
        }
        out.push(m);
        k = doc.view.mentions[m].span.start;
        w = (0..b).rev().take_while(|&x| p.words[x].span.start >= k).last().unwrap_or(b);
    }
    out.reverse();
    out
}

/// The names of a list that opens at word `first` ("A, B and C"), read off the words: a
/// person's name, then "," or "and" (or ", and") and the next, while there is one; at most
/// twelve.
pub(super) fn list_after(doc: &Doc<'_>, p: &Parse<'_>, first: usize) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    let mut w = first;
    while out.len() < 12 {
        let Some(m) = (w < p.words.len()).then(|| p.mention_of(doc, w, &[Kind::Per])).flatten()
        else {
            break;
        };
        if out.contains(&m) {
            break;
        }
        out.push(m);
        // The word after the name, then the separator.
        let end = doc.view.mentions[m].span.end;
        let Some(next) = (w..p.words.len()).find(|&k| p.words[k].span.start >= end) else {
            break;
        };
        w = match p.form(next) {
            "," if next + 1 < p.words.len() && p.form(next + 1) == "and" => next + 2,
            "," | "and" => next + 1,
            _ => break,
        };
    }
    out
}

/// "X, who at the time was the minister of Y" that the parse did not read as a relative
/// clause: the name right before the relative pronoun (over a comma) that is the subject.
pub(super) fn relative_antecedent(doc: &Doc<'_>, p: &Parse<'_>, s: usize) -> Option<usize> {
    if !p.form(s).eq_ignore_ascii_case("who") {
        return None;
    }
    let mut k = s.checked_sub(1)?;
    if p.form(k) == "," {
        k = k.checked_sub(1)?;
    }
    p.mention_of(doc, k, &[Kind::Per])
}

/// The word index of the parenthesis that closes the one a word stands in.
pub(super) fn closing_parenthesis(p: &Parse<'_>, from: usize) -> Option<usize> {
    let mut depth = 0usize;
    for k in from + 1..p.words.len() {
        match p.form(k) {
            "(" => depth += 1,
            ")" if depth == 0 => return Some(k),
            ")" => depth -= 1,
            _ => {}
        }
    }
    None
}

/// "Director and Party Secretary of Y": the post right after "and" that the first one shares
/// its body (and, if it has none of its own, its holder) with. Only capitalised words that
/// name no person may stand between the "and" and the second post.
pub(super) fn paired_post<'a>(
    doc: &Doc<'_>,
    p: &Parse<'_>,
    post: &Post,
    posts: &'a [Post],
) -> Option<&'a Post> {
    let and = post.word + 1;
    if and >= p.words.len() || !matches!(p.form(and), "and" | "&") {
        return None;
    }
    // "his deputy and Y Vice-President Z": a post with an owner of its own before it.
    if post
        .first
        .checked_sub(1)
        .is_some_and(|k| p.words[k].upos == "PRON" || matches!(p.form(k), "'s" | "’s"))
    {
        return None;
    }
    let next = posts.iter().find(|q| q.first > and && q.first <= and + 4)?;
    let between_ok = (and + 1..next.first).all(|k| {
        p.form(k).starts_with(char::is_uppercase) && p.mention_of(doc, k, &[Kind::Per]).is_none()
    });
    between_ok.then_some(next)
}

#[cfg(test)]
#[path = "holders_tests.rs"]
mod tests;
