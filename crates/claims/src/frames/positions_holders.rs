//! Who holds a post a sentence states: the name the post is apposed to, titles or is the
//! copula's predicate of, a relative clause's antecedent, a name after the post, read off the
//! parse, with the repairs for where the parse goes astray.

use super::*;

/// The holders of a post: (person mention, how, whether a past copula or verb ends it).
pub(super) fn holders(
    doc: &Doc<'_>,
    p: &Parse<'_>,
    lex: &Lexicon,
    post: &Post,
    posts: &[Post],
) -> Vec<(usize, How, bool)> {
    let person = |i: usize| p.mention_of(doc, i, &[Kind::Per]);
    // "Colonel X is the head of Y" parsed with the rank as the subject and the name under it.
    let subject = |i: usize| {
        p.mention_of(doc, i, &[Kind::Per, Kind::Pro]).or_else(|| {
            p.mention_of(doc, i, &[Kind::Rank])?;
            p.children[i]
                .iter()
                .filter(|&&c| matches!(p.rel(c), "flat" | "appos" | "compound"))
                .find_map(|&c| person(c))
        })
    };
    // "X, the president's brother": a post that is a possessor is someone else's, whom the
    // sentence does not name.
    if matches!(p.words.get(post.word + 1).map(|_| p.form(post.word + 1)), Some("'s" | "’s")) {
        return Vec::new();
    }
    // The clause's relations hang on the phrase's head ("the chief of staff, X").
    let t = post.head;
    let mut out: Vec<(usize, How, bool)> = Vec::new();
    // Conjoined posts share the holder of the first ("X, head of Y and deputy of Z").
    if p.rel(t) == "conj"
        && let Some(h) = p.head(t)
        && let Some(first) = posts.iter().find(|q| q.word == h)
        && !(h.min(t)..h.max(t)).any(|k| {
            matches!(p.form(k), ";" | "(" | ")") || p.mention_of(doc, k, &[Kind::Per]).is_some()
        })
    {
        return holders(doc, p, lex, first, posts);
    }
    // "X, a lawyer and former judge, ...": the parse may make the second post a conjunct of
    // the name instead of the apposed first; only "and" or "or" after that apposition.
    if p.rel(t) == "conj"
        && let Some(h) = p.head(t).filter(|&h| h < t)
        && let Some(m) = person(h)
        && let Some(a) = p.kids(h, "appos").filter(|&a| a < t).last()
        && only_and_between(p, p.span_without(a, &[]).1 + 1, t)
    {
        return vec![(m, How::Appos, false)];
    }
    // "..., First Vice President and retired general X": the name after the second post,
    // whatever list or apposition the parse made of it.
    if let Some(m) = name_after_other_post(doc, p, t) {
        return vec![(m, How::Title, false)];
    }
    let own = |m: usize| post.mention != Some(m);
    // A plural post ("former ministers A and B") names every conjunct of its first holder's
    // word `w`, not only that holder `m`.
    let also_named = |w: usize, m: usize| -> Vec<usize> {
        if !p.plural(post.word) {
            return Vec::new();
        }
        // "co-presidents A and his wife B", with the kin noun the conjunct and B its
        // apposition.
        let named = |c: usize| person(c).or_else(|| appositive_name(doc, p, c));
        let others = p.with_conjuncts(w).into_iter().filter_map(named);
        others.filter(|&o| o != m && own(o)).collect()
    };
    // The post's own copula is no verb between it and its holder: "X is the Minister of Y"
    // that the parse read as an apposition with a stray "is".
    let verb_between = |a: usize, b: usize| {
        (a.min(b) + 1..a.max(b)).any(|k| {
            matches!(p.words[k].upos.as_str(), "VERB" | "AUX")
                && !(p.rel(k) == "cop" && p.head(k) == Some(t))
        })
    };
    if let Some(h) = p.head(t).map(|h| conjunct_before_apposition(doc, p, h, t))
        && let Some(m) = person(h)
        && (matches!(p.rel(t), "compound" | "appos" | "flat") || p.rel(t) == "nmod" && t < h)
        && own(m)
        && !verb_between(t, h)
    {
        let how = if p.rel(t) == "appos" || h < t { How::Appos } else { How::Title };
        // "X was the Minister of Y" read as an apposition: the stray copula's tense holds.
        let past = p.kids(t, "cop").any(|c| lex.past_be.contains(&p.form(c).to_lowercase()));
        out.push((m, how, past));
        // "jailed former ministers A and B": a plural post before the first name.
        if how == How::Title {
            out.extend(also_named(h, m).into_iter().map(|o| (o, How::Title, past)));
        }
    }
    // "X, 57, the minister of Y" with the post hung on the age: the name before the age.
    if out.is_empty()
        && p.rel(t) == "appos"
        && let Some(age) = p.head(t).filter(|&h| h >= 2 && h + 1 < t)
        && p.words[age].upos == "NUM"
        && p.form(age - 1) == ","
        && p.form(age + 1) == ","
        && (age + 2..t).all(|k| p.head(k).is_some_and(|h| age + 1 < h && h <= t))
        && let Some(m) = person(age - 2)
        && own(m)
    {
        out.push((m, How::Appos, false));
    }
    for c in p.kids(t, "appos") {
        if let Some(m) = person(c)
            && !verb_between(t, c)
        {
            out.push((m, How::Appos, false));
            // "jailed ministers A and B" read as the post and its apposition.
            if c > t {
                out.extend(also_named(c, m).into_iter().map(|o| (o, How::Appos, false)));
            }
        }
    }
    // "the Director of the Bureau, X": the parse may appose the name to the body the post
    // is of; a body has no apposed person, so the name is the post's. Only for a post no
    // one holds yet: in "A, the Director of B, C, the Head of D" C is the next in a list.
    // "the Director and Secretary of B, X": the body hangs on the last conjunct.
    let posts_here = std::iter::once(t).chain(p.kids(t, "conj").filter(|&c| c > t));
    let of_phrases: Vec<usize> = posts_here
        .flat_map(|w| p.kids(w, "nmod").filter(|&o| p.case(o).as_deref() == Some("of")))
        .collect();
    let unheld = out.is_empty();
    for o in of_phrases.into_iter().filter(|_| unheld) {
        if p.mention_of(doc, o, &[Kind::Org]).is_none() {
            continue;
        }
        for c in p.kids(o, "appos").filter(|&c| c > o) {
            if let Some(m) = person(c)
                && own(m)
                && !verb_between(t, c)
                && !out.iter().any(|&(x, _, _)| x == m)
            {
                out.push((m, How::Appos, false));
            }
        }
    }
    // "the Minister of Defence, X, said": the name after the post phrase that the parse
    // read as a conjunct; a comma must close it, or it is a list ("the minister, X and Y").
    for c in p.kids(t, "conj").filter(|&c| c > t) {
        let close = p.span_without(c, &[]).1 + 1;
        if let Some(m) = person(c)
            && c > 0
            && p.form(c - 1) == ","
            && close < p.words.len()
            && p.form(close) == ","
            && !verb_between(t, c)
            && !(t + 1..c - 1).any(|k| person(k).is_some() || p.form(k) == ",")
        {
            out.push((m, How::Appos, false));
        }
    }
    // "the governor of Varsk Province, General X, said": the name after the post's "of"
    // phrase, which the parse hung on that phrase's last noun (a conjunct, an apposition, a
    // modifier); only a rank may stand between the comma and the name, and a comma or the
    // sentence's end closes it. Only for a single post that is an argument itself: after a
    // plural one, or one apposed to a name before it ("A and B, operatives of X, Y, chief of
    // Z"), the name is the next item of a list.
    if out.is_empty()
        && !p.plural(post.word)
        && matches!(p.rel(t), "nsubj" | "nsubj:pass" | "obj" | "iobj" | "obl" | "root")
    {
        out.extend(name_on_of_phrase(doc, p, t).map(|m| (m, How::Appos, false)));
    }
    let cop = p.kids(t, "cop").next();
    if let Some(cop) = cop {
        // "X was appointed defence minister" that the tagger read as "was [appointed]
        // minister": a post just given, not one that ended.
        let appointed = (cop + 1..t).any(|k| {
            lex.appoint_verbs.contains(p.lemma(k).as_str()) || lex.is_appointed(p.form(k))
        });
        let past = lex.past_be.contains(&p.form(cop).to_lowercase()) && !appointed;
        for s in p.kids(t, "nsubj") {
            for s in p.with_conjuncts(s) {
                if let Some(m) = subject(s) {
                    out.push((m, How::Copula, past));
                } else if let Some(m) = relative_antecedent(doc, p, s) {
                    out.push((m, How::Relcl, past));
                } else if let Some(m) = appositive_name(doc, p, s) {
                    // "X's brother, Y, is a member of parliament": the name in apposition.
                    out.push((m, How::Copula, past));
                }
            }
        }
        // "X, 61, was deputy defence minister": the parse may lose the subject behind an age
        // or an apposition, as it does before a verb.
        if p.kids(t, "nsubj").next().is_none()
            && let Some(m) = misparsed_subject(doc, p, t)
        {
            out.push((m, How::Copula, past));
        }
        if p.words[t].deprel == "acl:relcl"
            && let Some(h) = p.head(t)
            && let Some(m) = person(h)
        {
            out.push((m, How::Relcl, past));
        }
    }
    if p.case(t).as_deref() == Some("as")
        && let Some(v) = p.head(t)
        && (lex.as_verbs.contains(p.lemma(v))
            || lex.entry_verbs.contains(p.lemma(v))
            || lex.exit_verbs.contains(p.lemma(v))
            || t < v)
    {
        let form = p.form(v).to_lowercase();
        // "has served as deputy minister since 2020": the present perfect tells of a post
        // held to this day.
        let perfect = p
            .kids(v, "aux")
            .any(|a| matches!(p.form(a).to_lowercase().as_str(), "has" | "have" | "'s" | "'ve"));
        let past =
            !perfect && (form.ends_with("ed") || form != *p.lemma(v) && !form.ends_with('s'));
        // "served as" in the past ended; "took over as" began a post that may still hold;
        // "stepped down as" ended it, whatever the tense.
        let ended =
            past && lex.as_verbs.contains(p.lemma(v)) || lex.exit_verbs.contains(p.lemma(v));
        for m in verb_subjects(doc, p, v) {
            out.push((m, How::As, ended));
        }
    }
    // "X was dismissed as governor of Y", "the president sacked X as interior minister": the
    // one removed held the post (the passive's subject, the active's object), which ended.
    if p.case(t).as_deref() == Some("as")
        && let Some(v) = p.head(t)
        && v < t
        && lex.removal_verbs.contains(p.lemma(v))
    {
        let removed = p
            .kids(v, "nsubj")
            .filter(|&c| p.words[c].deprel == "nsubj:pass")
            .chain(p.kids(v, "obj"));
        for c in removed.collect::<Vec<_>>() {
            for c in p.with_conjuncts(c) {
                if let Some(m) = p.mention_of(doc, c, &[Kind::Per, Kind::Pro]) {
                    out.push((m, How::As, true));
                }
            }
        }
    }
    // "his previous post as justice minister", "Y's immunity as a member of parliament", "her
    // time as ambassador": an "as" phrase on a noun whose possessor is a person is that
    // person's post; a former-word on the noun ends it.
    if p.case(t).as_deref() == Some("as")
        && p.rel(t) == "nmod"
        && let Some(n) = p.head(t)
        && n < t
        && p.words[n].upos == "NOUN"
        && let Some(owner) = p.kids(n, "nmod").find(|&c| p.words[c].deprel == "nmod:poss")
        && let Some(m) = p.mention_of(doc, owner, &[Kind::Per, Kind::Pro])
    {
        let former =
            p.children[n].iter().any(|&c| p.rel(c) == "amod" && lex.former.contains(p.lemma(c)));
        out.push((m, How::As, former));
    }
    // "X became head of Y", "X, who became director of Y in 2016": a post that began (the
    // parse may make the post the verb's object).
    if matches!(p.rel(t), "xcomp" | "obj")
        && let Some(v) = p.head(t)
        && lex.become_verbs.contains(p.lemma(v))
    {
        for m in verb_subjects(doc, p, v) {
            out.push((m, How::Copula, false));
        }
    }
    // "X remains a member of Y" (the parser often makes the post an object): held still,
    // or until then for "remained".
    if matches!(p.rel(t), "xcomp" | "obj")
        && let Some(v) = p.head(t)
        && p.lemma(v) == "remain"
    {
        let past = p.form(v).to_lowercase().ends_with("ed");
        for m in verb_subjects(doc, p, v) {
            out.push((m, How::Copula, past));
        }
    }
    // "X was one of the four members of Y": the holders of "one".
    if p.rel(t) == "nmod"
        && p.case(t).as_deref() == Some("of")
        && let Some(h) = p.head(t)
        && p.lemma(h) == "one"
        && let Some(cop) = p.kids(h, "cop").next()
    {
        let past = lex.past_be.contains(&p.form(cop).to_lowercase());
        for s in p.kids(h, "nsubj") {
            if let Some(m) = subject(s) {
                out.push((m, How::Copula, past));
            }
        }
    }
    let t = post.word;
    if out.is_empty() {
        // A name right after the post phrase ("... spokesman Kasimir Holl"), whatever the parse
        // made of it.
        // "defense minister General X", "Supreme Leader Ayatollah X": ranks and honorifics
        // between the post and the name.
        let mut k = t + 1;
        while k < p.words.len()
            && (p.mention_of(doc, k, &[Kind::Rank]).is_some()
                || HONORIFICS.contains(&p.form(k).trim_end_matches('.').to_lowercase().as_str()))
        {
            k += 1;
        }
        if let Some(m) = (k < p.words.len()).then(|| person(k)).flatten()
            && own(m)
        {
            out.push((m, How::Title, false));
            // "former navy captains A and B", whatever the parse made of the first name.
            let head = (k..p.words.len())
                .take_while(|&w| person(w) == Some(m))
                .find(|&w| p.head(w).is_none_or(|h| person(h) != Some(m)));
            if let Some(h) = head {
                out.extend(also_named(h, m).into_iter().map(|o| (o, How::Title, false)));
                // "Vice-Presidents A and B" parsed with the names hung on the post: the
                // conjuncts are the post's.
                if p.head(h) == Some(t) {
                    out.extend(also_named(t, m).into_iter().map(|o| (o, How::Title, false)));
                } else if let Some(g) = p.head(h)
                    && p.head(t) == Some(g)
                    && p.rel(h) == "flat"
                    && p.rel(t) == "flat"
                {
                    // "Varskian MPs A and B" read as one flat name: post, first name and
                    // the conjuncts all hang on the word that opens it.
                    out.extend(also_named(g, m).into_iter().map(|o| (o, How::Title, false)));
                }
            }
        }
    }
    if out.is_empty()
        && let Some(m) = name_after_body(doc, p, t)
        && own(m)
    {
        out.push((m, How::Title, false));
    }
    if out.is_empty()
        && let Some(m) = comma_owner(doc, p, post.first)
    {
        // "X, the head of Y" that the parse read as a list or a conjunct.
        out.push((m, How::Appos, false));
    }
    // "A, B and C, co-founders of Y": a plural post after a list names every name in it.
    // Where the list has two names or more, it stands against any apposition the parse made
    // to a name before it ("nuns D and E, activists A, B and C, co-founders of Y", the post
    // hung on D): that name is another item's.
    if p.plural(t)
        && let Some((m, comma)) = comma_owner_at(doc, p, post.first)
        && out.iter().all(|&(_, how, _)| how == How::Appos)
    {
        let listed = list_before(doc, p, m, comma);
        if listed.len() >= 2 || out.iter().all(|&(o, _, _)| o == m) {
            out.retain(|&(o, _, _)| listed.contains(&o));
            for o in listed {
                out.push((o, How::Appos, false));
            }
        }
    }
    // "and security officers A, B and C are sanctioned": a plural post right before a list
    // of names is every name's, read off the words whatever the parse made of the list (a
    // parser may hang the later names on the sentence's first one, or one on another).
    if p.plural(t) && t + 1 < p.words.len() && p.form(t + 1) != "," {
        let listed = list_after(doc, p, t + 1);
        if listed.len() >= 2
            && out.iter().all(|&(o, how, _)| how == How::Title && listed.contains(&o))
        {
            for o in listed.into_iter().filter(|&o| own(o)) {
                out.push((o, How::Title, false));
            }
        }
    }
    if out.is_empty()
        && let Some(m) = fronted_owner(doc, p, post)
    {
        out.push((m, How::Appos, false));
    }
    if let Some(m) = parenthesis_owner(doc, p, post.first) {
        // "X (head of Y); Z (deputy of W)": a post inside the parentheses after a name is
        // that name's, not that of a name the parse hung on it from after them.
        if let Some(close) = closing_parenthesis(p, post.word) {
            let after = p.words[close].span.start;
            out.retain(|&(o, _, _)| o == m || doc.view.mentions[o].span.start < after);
        }
        if out.is_empty() {
            out.push((m, How::Paren, false));
        }
    }
    out.sort();
    out.dedup_by_key(|x| x.0);
    out
}

/// "A former adviser to Y, X was cleared": a post phrase that opens the sentence, then a
/// comma and the name of the clause's subject. No verb may stand in the post phrase, and the
/// name may not open a list.
fn fronted_owner(doc: &Doc<'_>, p: &Parse<'_>, post: &Post) -> Option<usize> {
    let opens = (0..post.first).all(|k| {
        matches!(p.words[k].upos.as_str(), "DET" | "ADJ" | "ADV" | "PUNCT")
            || p.form(k).starts_with(char::is_lowercase) && p.mention[k].is_none()
    });
    if !opens || post.first > 4 {
        return None;
    }
    let comma = (post.word + 1..p.words.len().min(post.word + 16)).find(|&k| p.form(k) == ",")?;
    if (post.word + 1..comma).any(|k| matches!(p.words[k].upos.as_str(), "VERB" | "AUX")) {
        return None;
    }
    // A comma that ends the sentence has no subject after it.
    let m = (comma + 1 < p.words.len()).then(|| p.mention_of(doc, comma + 1, &[Kind::Per]))??;
    let end = doc.view.mentions[m].span.end;
    let next = (comma + 1..p.words.len()).find(|&k| p.words[k].span.start >= end)?;
    matches!(p.words[next].upos.as_str(), "VERB" | "AUX").then_some(m)
}

/// The person after a post's "of" phrase that the parse hung on the phrase's head noun
/// ([`holders`]): "the chief minister of Varsk State, Lieutenant General X, ...".
fn name_on_of_phrase(doc: &Doc<'_>, p: &Parse<'_>, t: usize) -> Option<usize> {
    let n = p.kids(t, "nmod").find(|&n| n > t && p.case(n).as_deref() == Some("of"))?;
    let comma = (n + 1..p.words.len()).find(|&k| p.form(k) == ",")?;
    // The "of" phrase runs to the comma: nothing of another clause between.
    if (t + 1..comma).any(|k| {
        matches!(p.words[k].upos.as_str(), "VERB" | "AUX")
            || p.mention_of(doc, k, &[Kind::Per]).is_some()
    }) {
        return None;
    }
    let c = p.children[n].iter().copied().find(|&c| {
        c > comma
            && matches!(p.rel(c), "conj" | "appos" | "nmod" | "flat")
            && p.kids(c, "case").next().is_none()
            && p.mention_of(doc, c, &[Kind::Per]).is_some()
    })?;
    let m = p.mention_of(doc, c, &[Kind::Per])?;
    // The name's words (the parse may hang them apart: "Piet" a conjunct, "Oranje" a
    // modifier), and its phrase's (a rank under the name).
    let is_name = |k: usize| p.mention_of(doc, k, &[Kind::Per]) == Some(m);
    let (mut first, mut last) = p.span_without(c, &[]);
    while first > comma + 1 && is_name(first - 1) {
        first -= 1;
    }
    while last + 1 < p.words.len() && is_name(last + 1) {
        last += 1;
    }
    // Between the comma and the name's phrase, only a rank ("Lieutenant" read apart).
    let rank_only = (comma + 1..first).all(|k| p.mention_of(doc, k, &[Kind::Rank]).is_some());
    let closed = last + 1 >= p.words.len() || matches!(p.form(last + 1), "," | "." | ";");
    (rank_only && closed).then_some(m)
}

/// Whether the word at `from` is "and" or "or" and the words after it up to the post's head
/// `t` are the post's own ("and former Supreme Court judge").
fn only_and_between(p: &Parse<'_>, from: usize, t: usize) -> bool {
    let own = |k: usize| p.head(k).is_some_and(|h| from < h && h <= t);
    from < t && matches!(p.form(from), "and" | "or") && (from + 1..t).all(own)
}

/// "A, the head of X, and B, a judge of Y": the parse may hang B's apposition on A, the
/// head of the list; an apposition right after a later conjunct (or a later name apposed to
/// A) and its comma is that item's. Gives the word the apposition `t` of `h` belongs to.
fn conjunct_before_apposition(doc: &Doc<'_>, p: &Parse<'_>, h: usize, t: usize) -> usize {
    if p.rel(t) != "appos" || p.head(t) != Some(h) {
        return h;
    }
    // The later item may be a conjunct of A or, as a parser may read the whole list, another
    // name in apposition to A ("A, the chief of X, B, director of Y").
    let named = |c: usize| p.mention_of(doc, c, &[Kind::Per]).is_some();
    let items = p.kids(h, "conj").chain(p.kids(h, "appos").filter(|&c| named(c)));
    // Or a person the parse made the conjunct of a word of A's earlier apposition that
    // names no person ("A, the secretary of X, and B, a former ..." with B on X).
    let earlier = p.kids(h, "appos").filter(|&a| a < t).map(|a| p.span_without(a, &[]));
    let nested: Vec<usize> = earlier
        .flat_map(|(lo, hi)| (lo..=hi).filter(|&w| !named(w)).flat_map(|w| p.kids(w, "conj")))
        .filter(|&c| named(c))
        .collect();
    let items = items.chain(nested);
    let Some(c) = items.filter(|&c| h < c && c < t).max() else { return h };
    // The item's words: its subtree, and its whole name where the parse hung part of the name
    // elsewhere ("B Surname" with the surname flat on A).
    let name_end = p.mention_of(doc, c, &[Kind::Per]).map(|m| doc.view.mentions[m].span.end);
    let in_name = |k: usize| name_end.is_some_and(|e| p.words[k].span.end <= e);
    let subtree_end = p.span_without(c, &[]).1;
    let end = (c..t).take_while(|&k| k <= subtree_end || in_name(k)).last().unwrap_or(c);
    let comma = end + 1;
    // Only the apposition's own words (an article, an adjective) between the comma and it.
    let own = |k: usize| p.head(k).is_some_and(|x| x == t || (comma < x && x < t));
    if comma < t && p.form(comma) == "," && (comma + 1..t).all(own) { c } else { h }
}
