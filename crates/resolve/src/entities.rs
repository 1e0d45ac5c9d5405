//! The entity table: nodes (a person in one document, an organisation name in one country)
//! joined into entities by judgements.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use claims::{Claim, ClaimType};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::names::{NameKey, block_keys, compatible, fold, name_words};
use crate::orgs::org_name;
use crate::roles::role_class;
use crate::shapes::{acronym, body_like, made_of_body_words, name_like};
use crate::{JudgedBy, Judgement, Verdict};

#[path = "entities_lone.rs"]
mod lone;
use lone::Traits;

/// What an entity is.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A person.
    Person,
    /// A body: agency, ministry, court, news agency, NGO.
    Organization,
    /// A state or union acting as one ("France", "European Union").
    State,
}

impl EntityKind {
    /// The lowercase name used in files.
    pub fn as_str(&self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::State => "state",
        }
    }
}

/// One entity-valued argument of one claim: `claim` indexes the slice given to
/// [`resolve`], `slot` the position in a list field (`participants`), else 0.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct MentionRef {
    /// Index of the claim.
    pub claim: usize,
    /// The field.
    pub field: String,
    /// Position in a list field.
    pub slot: usize,
}

/// One entity across documents.
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize)]
pub struct Entity {
    /// Stable id: kind and a hash of the canonical name and country.
    pub id: String,
    /// Person, organisation or state.
    pub kind: EntityKind,
    /// The canonical name: the fullest name most documents use.
    pub name: String,
    /// Every name the documents use, most used first.
    pub names: Vec<String>,
    /// The country, where the documents give one.
    pub country: Option<String>,
    /// The documents that mention it.
    pub docs: Vec<String>,
    /// How many claim arguments name it.
    pub mentions: usize,
}

/// A judgement the user made (`dossier merge`, `dossier split`) or wrote in an alias file,
/// between two names of the same kind of entity.
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize)]
pub struct UserJudgement {
    /// One name.
    pub left: String,
    /// The other.
    pub right: String,
    /// Same or different.
    pub verdict: Verdict,
    /// The user or their alias file.
    pub by: JudgedBy,
    /// Their reason, if they gave one.
    pub reason: String,
}

/// The entities, the judgements that made them, and which entity each argument names.
#[derive(Clone, Debug, Default)]
pub struct Resolution {
    /// Entities, most mentioned first.
    pub entities: Vec<Entity>,
    /// Every judgement, in the order made.
    pub judgements: Vec<Judgement>,
    /// For each claim, its (field, slot, entity) triples: a few per claim, scanned without
    /// building a key on every lookup.
    mention_entity: HashMap<usize, Vec<(String, usize, usize)>>,
}

impl Resolution {
    /// The index in [`Resolution::entities`] of the entity an argument names.
    pub fn index_of(&self, claim: usize, field: &str, slot: usize) -> Option<usize> {
        self.mention_entity
            .get(&claim)?
            .iter()
            .find(|(f, s, _)| f == field && *s == slot)
            .map(|&(_, _, entity)| entity)
    }

    /// The entity an argument names.
    pub fn entity_of(&self, claim: usize, field: &str, slot: usize) -> Option<&Entity> {
        self.index_of(claim, field, slot).map(|i| &self.entities[i])
    }
}

/// Fields whose value is a person (or a list of persons).
pub const PERSON_FIELDS: &[&str] = &[
    "holder",
    "person",
    "target",
    "accused",
    "predecessor",
    "appointed_by",
    "participants",
    "defendant",
    "other",
];

/// Fields whose value is a body or a state, read as organisations.
const BODY_FIELDS: &[&str] = &["organization", "authority", "accuser"];

/// A post's dates, read (for positions and appointments only) to join bodies by evidence.
const POST_DATE_FIELDS: &[&str] = &["start", "date", "end", "as_of"];

/// Whether [`resolve`] reads two versions of one claim alike: the same id, kind, document,
/// in-document entity ids, and every field it reads (people, bodies, country, role, and a
/// post's dates). A reviewer's edit that changes only what it does not read (a meeting's
/// date or place, modality, attribution) leaves the resolution as it was, so the workbench
/// keeps it instead of resolving the whole case again. Keep in step with what `resolve`
/// reads from a claim.
pub fn reads_alike(a: &Claim, b: &Claim) -> bool {
    let post = |c: &Claim| matches!(c.kind, ClaimType::Position | ClaimType::Appointment);
    let dates: &[&str] = if post(a) || post(b) { POST_DATE_FIELDS } else { &[] };
    a.id == b.id
        && a.kind == b.kind
        && a.doc == b.doc
        && a.entity_ids == b.entity_ids
        && PERSON_FIELDS
            .iter()
            .chain(BODY_FIELDS)
            .chain(&["country", "role"])
            .chain(dates)
            .all(|f| a.fields.get(*f) == b.fields.get(*f))
}

/// The names of states the claims may give as authorities or posts' organisations.
pub fn state_names() -> BTreeSet<String> {
    read::lexicon::countries()
        .map(String::from)
        .chain(claims::Rules::english().state_names().map(String::from))
        .chain(["United Nations", "International Criminal Court"].map(String::from))
        .collect()
}

struct Node {
    kind: EntityKind,
    /// Every name the node was given, with how often.
    names: BTreeMap<String, usize>,
    country: Option<String>,
    docs: BTreeSet<String>,
    mentions: Vec<MentionRef>,
    /// What the documents say of the person that tells two people apart.
    traits: Traits,
}

impl Node {
    fn name(&self) -> &str {
        // The longest name the document gives it (its fullest form).
        self.names
            .keys()
            .max_by_key(|n| (name_words(n).len(), n.len()))
            .map(String::as_str)
            .unwrap_or("")
    }
}

/// Union-find over nodes, with each root's full names and countries, so that a join that
/// would put two different people or two countries in one entity is refused.
struct Clusters {
    parent: Vec<usize>,
    full_names: Vec<Vec<String>>,
    countries: Vec<BTreeSet<String>>,
    /// Folded names of each root's members, for the user's "different" judgements.
    keys: Vec<BTreeSet<String>>,
    /// The documents of each root's members: a lone name joins across documents only by
    /// review.
    docs: Vec<BTreeSet<String>>,
    /// Birth years and nationalities of each root's members.
    traits: Vec<Traits>,
}

impl Clusters {
    fn new(nodes: &[Node]) -> Clusters {
        let full = |n: &Node| {
            let name = n.name().to_string();
            if name_words(&name).len() >= 2 { vec![name] } else { Vec::new() }
        };
        Clusters {
            parent: (0..nodes.len()).collect(),
            full_names: nodes.iter().map(full).collect(),
            countries: nodes.iter().map(|n| n.country.iter().cloned().collect()).collect(),
            keys: nodes.iter().map(|n| n.names.keys().map(|k| name_key(k)).collect()).collect(),
            docs: nodes.iter().map(|n| n.docs.clone()).collect(),
            traits: nodes.iter().map(|n| n.traits.clone()).collect(),
        }
    }

    fn root(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    fn can_join(
        &mut self,
        a: usize,
        b: usize,
        kind: EntityKind,
        apart: &[(String, String)],
    ) -> bool {
        let (ra, rb) = (self.root(a), self.root(b));
        if ra == rb {
            return true;
        }
        let countries: BTreeSet<&String> =
            self.countries[ra].iter().chain(&self.countries[rb]).collect();
        if countries.len() > 1 {
            return false;
        }
        // People: the fullest names on both sides must fit each other. Shorter names
        // ("Vallejo Brito", a surname pair) are parts of the fullest and prove nothing.
        if kind == EntityKind::Person {
            let fullest = |names: &[String]| -> Vec<String> {
                let most = names.iter().map(|n| name_words(n).len()).max().unwrap_or(0);
                names.iter().filter(|n| name_words(n).len() == most).cloned().collect()
            };
            let (fa, fb) = (fullest(&self.full_names[ra]), fullest(&self.full_names[rb]));
            if !fa.iter().all(|x| fb.iter().all(|y| compatible(x, y))) {
                return false;
            }
        }
        !apart.iter().any(|(l, r)| {
            (self.keys[ra].contains(l) && self.keys[rb].contains(r))
                || (self.keys[ra].contains(r) && self.keys[rb].contains(l))
        })
    }

    fn join(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.root(a), self.root(b));
        if ra == rb {
            return;
        }
        self.parent[rb] = ra;
        let moved = std::mem::take(&mut self.full_names[rb]);
        for n in moved {
            if !self.full_names[ra].contains(&n) {
                self.full_names[ra].push(n);
            }
        }
        let c = std::mem::take(&mut self.countries[rb]);
        self.countries[ra].extend(c);
        let k = std::mem::take(&mut self.keys[rb]);
        self.keys[ra].extend(k);
        let d = std::mem::take(&mut self.docs[rb]);
        self.docs[ra].extend(d);
        let t = std::mem::take(&mut self.traits[rb]);
        self.traits[ra].absorb(t);
    }

    /// Whether the cluster of `a` has a member in a document of `b`'s cluster.
    fn share_a_document(&mut self, a: usize, b: usize) -> bool {
        let (ra, rb) = (self.root(a), self.root(b));
        !self.docs[ra].is_disjoint(&self.docs[rb])
    }
}

/// How a name is compared with the user's judgements: folded words without titles.
fn name_key(name: &str) -> String {
    let words = name_words(name);
    if words.is_empty() { fold(name) } else { words.join(" ") }
}

struct Builder<'a> {
    claims: &'a [Claim],
    states: &'a BTreeSet<String>,
    nodes: Vec<Node>,
    node_index: HashMap<(EntityKind, String, String), usize>,
    judgements: Vec<Judgement>,
}

impl Builder<'_> {
    fn node(&mut self, kind: EntityKind, key: String, group: String) -> usize {
        let next = self.nodes.len();
        *self.node_index.entry((kind, key, group)).or_insert_with(|| {
            self.nodes.push(Node {
                kind,
                names: BTreeMap::new(),
                country: None,
                docs: BTreeSet::new(),
                mentions: Vec::new(),
                traits: Traits::default(),
            });
            next
        })
    }

    fn add(&mut self, node: usize, name: &str, doc: &str, at: MentionRef) {
        let n = &mut self.nodes[node];
        *n.names.entry(name.to_string()).or_default() += 1;
        n.docs.insert(doc.to_string());
        n.mentions.push(at);
    }

    /// Person nodes: one per person the claims stage found in a document (or per name, for
    /// names it could not tie to a mention).
    fn people(&mut self) -> HashMap<(String, String), usize> {
        let mut by_name: HashMap<(String, String), usize> = HashMap::new();
        for (i, claim) in self.claims.iter().enumerate() {
            for &field in PERSON_FIELDS {
                let names: Vec<&str> = claim.list(field);
                let ids: Vec<Option<&str>> = match claim.entity_ids.get(field) {
                    Some(Value::Array(a)) => a.iter().map(Value::as_str).collect(),
                    Some(Value::String(s)) => vec![Some(s.as_str())],
                    _ => Vec::new(),
                };
                for (slot, name) in names.into_iter().enumerate() {
                    let local = ids.get(slot).copied().flatten();
                    if local.is_none() && !name_like(name) {
                        continue;
                    }
                    // A target or defendant the claims stage could not tie to a person
                    // mention, whose name ends in a body's head word ("... Research
                    // Institute", "... Enterprise Co"), is that body: sanctions and charges
                    // reach companies and units as well as people.
                    // A state there ("sanctions on Iran", "the US accused of ...") is the
                    // state, never a person of that name.
                    if local.is_none()
                        && let Some(state) = self.state_named(name)
                    {
                        let node = self.state_node(state);
                        self.add(
                            node,
                            name,
                            &claim.doc,
                            MentionRef { claim: i, field: field.into(), slot },
                        );
                        continue;
                    }
                    // A name made only of the words of bodies' names ("State Scientific",
                    // a piece of "the State Scientific ... Institute") is no one's, even
                    // where the tagger read it as a person.
                    if (local.is_none() && (body_like(name) || acronym(name)))
                        || made_of_body_words(name)
                    {
                        let at = MentionRef { claim: i, field: field.into(), slot };
                        let parsed = org_name(name);
                        self.add_body(&parsed.key, parsed.country.clone(), name, &claim.doc, at);
                        continue;
                    }
                    let group =
                        local.map_or_else(|| format!("name:{}", name_key(name)), String::from);
                    let node = self.node(EntityKind::Person, claim.doc.clone(), group);
                    self.add(
                        node,
                        name,
                        &claim.doc,
                        MentionRef { claim: i, field: field.into(), slot },
                    );
                    if claim.kind == ClaimType::Attribute
                        && let Some(value) = claim.field("value")
                    {
                        self.nodes[node].traits.note(claim.field("key").unwrap_or(""), value);
                    }
                    by_name.insert((claim.doc.clone(), name_key(name)), node);
                }
            }
        }
        by_name
    }

    /// Organisation and state nodes, and persons named where a body may stand ("adviser to
    /// X", an accuser).
    fn bodies(
        &mut self,
        people: &HashMap<(String, String), usize>,
        person_country: &dyn Fn(usize) -> Option<String>,
    ) {
        // A full name that is a person in some document is that person where a body could
        // stand ("security adviser to X").
        let anywhere: HashMap<&str, usize> = people
            .iter()
            .filter(|((_, key), _)| key.contains(' '))
            .map(|((_, key), &node)| (key.as_str(), node))
            .collect();
        for (i, claim) in self.claims.iter().enumerate() {
            for &field in BODY_FIELDS {
                let Some(name) = claim.field(field) else { continue };
                let at = MentionRef { claim: i, field: field.into(), slot: 0 };
                let key = name_key(name);
                let person = people
                    .get(&(claim.doc.clone(), key.clone()))
                    .or_else(|| anywhere.get(key.as_str()));
                if let Some(&p) = person {
                    self.add(p, name, &claim.doc, at);
                    continue;
                }
                if let Some(state) = self.state_named(name) {
                    let node = self.state_node(state);
                    self.add(node, name, &claim.doc, at);
                    continue;
                }
                let parsed = org_name(name);
                let country =
                    claim.field("country").map(String::from).or(parsed.country.clone()).or_else(
                        || {
                            // A post's body is in the country of its holder, when the documents
                            // give the holder one.
                            (field == "organization")
                                .then(|| {
                                    let holder = if claim.kind == ClaimType::Appointment {
                                        "person"
                                    } else {
                                        "holder"
                                    };
                                    people
                                        .get(&(claim.doc.clone(), name_key(claim.field(holder)?)))
                                        .copied()
                                })
                                .flatten()
                                .and_then(person_country)
                        },
                    );
                self.add_body(&parsed.key, country, name, &claim.doc, at);
            }
        }
    }

    /// A state's node, named by the state's name whatever short names the claims give it.
    fn state_node(&mut self, state: String) -> usize {
        let node = self.node(EntityKind::State, state.clone(), String::new());
        self.nodes[node].names.entry(state).or_default();
        node
    }

    /// The state a name stands for: a state's name, or its short name ("U.S.").
    fn state_named(&self, name: &str) -> Option<String> {
        if self.states.contains(name) {
            return Some(name.to_string());
        }
        claims::Rules::english().state_named(name).map(String::from)
    }

    /// Files a body's name under its key in its country (or none).
    fn add_body(
        &mut self,
        key: &str,
        country: Option<String>,
        name: &str,
        doc: &str,
        at: MentionRef,
    ) {
        let node = self.node(
            EntityKind::Organization,
            key.to_string(),
            country.clone().unwrap_or_default(),
        );
        self.nodes[node].country = country;
        self.add(node, name, doc, at);
    }

    /// Records a judgement and returns it, for the caller to add the claims it rests on.
    fn judge(
        &mut self,
        kind: EntityKind,
        left: &str,
        right: &str,
        verdict: Verdict,
        reason: String,
        by: JudgedBy,
    ) -> &mut Judgement {
        self.judgements.push(Judgement {
            kind,
            left: left.to_string(),
            right: right.to_string(),
            verdict,
            reason,
            by,
            claims: Vec::new(),
        });
        self.judgements.last_mut().expect("just pushed")
    }
}

/// Resolves the entity-valued arguments of `claims` into entities.
///
/// `user` holds the user's judgements and alias-file entries; they are applied first, and a
/// "different" among them keeps two names apart whatever the rules say.
pub fn resolve(claims: &[Claim], user: &[UserJudgement]) -> Resolution {
    let states = state_names();
    let mut b = Builder {
        claims,
        states: &states,
        nodes: Vec::new(),
        node_index: HashMap::new(),
        judgements: Vec::new(),
    };
    let people = b.people();
    let person_nodes = b.nodes.len();
    let apart: Vec<(String, String)> = user
        .iter()
        .filter(|j| j.verdict == Verdict::Different)
        .map(|j| (name_key(&j.left), name_key(&j.right)))
        .collect();

    // People: blocks by surname skeleton; fuller names first so that a lone surname meets
    // the full names it could belong to.
    let mut clusters = Clusters::new(&b.nodes);
    apply_user_same(&b.nodes, &mut clusters, user, 0..person_nodes);
    let mut blocks: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for n in 0..person_nodes {
        for k in block_keys(b.nodes[n].name()) {
            blocks.entry(k).or_default().push(n);
        }
    }
    // Each distinct name of a block is compared once with the distinct names before it; a
    // name already seen joins its cluster directly. Cost: distinct names per block, squared,
    // not mentions.
    let person_names: Vec<String> =
        (0..person_nodes).map(|n| b.nodes[n].name().to_string()).collect();
    let person_keys: Vec<String> = person_names.iter().map(|n| name_key(n)).collect();
    let read_names: Vec<NameKey> = person_names.iter().map(|n| NameKey::new(n)).collect();
    let word_counts: Vec<usize> = person_names.iter().map(|n| name_words(n).len()).collect();
    for members in blocks.values_mut() {
        members.sort_by(|&x, &y| {
            word_counts[y].cmp(&word_counts[x]).then_with(|| person_names[x].cmp(&person_names[y]))
        });
        let mut reps: Vec<usize> = Vec::new();
        let mut by_key: HashMap<&str, Vec<usize>> = HashMap::new();
        for &n in members.iter() {
            let name = &person_names[n];
            let key = person_keys[n].as_str();
            let mut candidates: Vec<usize> = match by_key.get(key) {
                Some(same) => same.iter().map(|&m| clusters.root(m)).collect(),
                None => reps
                    .iter()
                    .filter(|&&m| read_names[n].compatible(&read_names[m]))
                    // A lone word meets a full name's word by sound only with the same first
                    // letter: "Edda" and "Oddo" share a skeleton and nothing else.
                    .filter(|&&m| word_counts[n] != 1 || lone::same_initial(name, &person_names[m]))
                    .map(|&m| clusters.root(m))
                    .collect(),
            };
            candidates.sort_unstable();
            candidates.dedup();
            let fits: Vec<usize> = candidates
                .into_iter()
                .filter(|&r| {
                    clusters.root(n) == r || clusters.can_join(n, r, EntityKind::Person, &apart)
                })
                .collect();
            match fits.as_slice() {
                // A lone name in a document that never gives the full one joins a full name
                // elsewhere only when spelt exactly as one of its surnames; "Vara" read as a
                // spelling of "Varha", or "Lord Orvan" as the middle name "Orvane", may be
                // anyone of that name: a reviewer decides.
                [r] if clusters.root(n) != *r
                    && word_counts[n] < 2
                    && !clusters.share_a_document(n, *r)
                    && !name_words(&person_names[*r])
                        .iter()
                        .skip(1)
                        .any(|w| Some(w) == name_words(name).first()) =>
                {
                    let other = person_names[*r].clone();
                    b.judge(
                        EntityKind::Person,
                        name,
                        &other,
                        Verdict::Unsure,
                        format!(
                            "{name} alone, in a document that never gives a full name: {other} or another {name}?"
                        ),
                        JudgedBy::Names,
                    );
                }
                // A lone name whose one full name the documents tell apart from it (born
                // in another year, of another nationality) may be another person of that
                // name.
                [r] if clusters.root(n) != *r
                    && word_counts[n] < 2
                    && clusters.conflict(n, *r).is_some() =>
                {
                    let why = clusters.conflict(n, *r).unwrap_or_default();
                    let other = person_names[*r].clone();
                    b.judge(
                        EntityKind::Person,
                        name,
                        &other,
                        Verdict::Unsure,
                        format!("{name} alone, and {why}: {other} or another {name}?"),
                        JudgedBy::Names,
                    );
                }
                [r] if clusters.root(n) != *r => {
                    let other = person_names[*r].clone();
                    let reason = if key == person_keys[*r] {
                        "same name".to_string()
                    } else {
                        format!(
                            "compatible spellings of one surname and first name: {name} ~ {other}"
                        )
                    };
                    b.judge(
                        EntityKind::Person,
                        name,
                        &other,
                        Verdict::Same,
                        reason,
                        JudgedBy::Names,
                    );
                    clusters.join(*r, n);
                }
                [] | [_] => {}
                many => {
                    for r in many {
                        let other = person_names[*r].clone();
                        b.judge(
                            EntityKind::Person,
                            name,
                            &other,
                            Verdict::Unsure,
                            format!("{name} could be any of {} people of that name", many.len()),
                            JudgedBy::Names,
                        );
                    }
                }
            }
            let same = by_key.entry(key).or_default();
            if same.is_empty() {
                reps.push(n);
            }
            if !same.iter().any(|&m| clusters.root(m) == clusters.root(n)) {
                same.push(n);
            }
        }
    }

    lone::given_names(&mut b, &mut clusters, &apart, person_nodes);

    // Countries of people, from their posts: "Syrian National Security Bureau", "president
    // of Syria", "Egypt's General Intelligence Directorate".
    let mut person_countries: HashMap<usize, BTreeMap<String, usize>> = HashMap::new();
    for claim in claims {
        let holder = match claim.kind {
            ClaimType::Position => "holder",
            ClaimType::Appointment => "person",
            _ => continue,
        };
        let (Some(h), Some(org)) = (claim.field(holder), claim.field("organization")) else {
            continue;
        };
        let Some(&node) = people.get(&(claim.doc.clone(), name_key(h))) else { continue };
        let country = claim
            .field("country")
            .map(String::from)
            .or_else(|| states.contains(org).then(|| org.to_string()))
            .or_else(|| org_name(org).country);
        if let Some(c) = country.filter(|c| c != "European Union" && c != "United Nations") {
            *person_countries.entry(clusters.root(node)).or_default().entry(c).or_default() += 1;
        }
    }
    let person_country = |root: usize| -> Option<String> {
        let counts = person_countries.get(&root)?;
        let best = counts.values().max()?;
        let top: Vec<&String> = counts.iter().filter(|(_, n)| *n == best).map(|(c, _)| c).collect();
        (top.len() == 1).then(|| top[0].clone())
    };
    let roots: Vec<usize> = (0..person_nodes).map(|n| clusters.root(n)).collect();
    let root_country: HashMap<usize, Option<String>> =
        roots.iter().map(|&r| (r, person_country(r))).collect();
    b.bodies(&people, &|node| root_country.get(&roots[node]).cloned().flatten());

    for j in user {
        let key = name_key(&j.left);
        let kind = b
            .nodes
            .iter()
            .find(|n| n.names.keys().any(|k| name_key(k) == key))
            .map_or(EntityKind::Person, |n| n.kind);
        b.judge(kind, &j.left, &j.right, j.verdict, j.reason.clone(), j.by);
    }

    // Bodies: one key within one country; acronyms by initials; then the user's aliases and
    // the documents' evidence.
    let mut clusters = extend(clusters, &b.nodes);
    apply_user_same(&b.nodes, &mut clusters, user, person_nodes..b.nodes.len());
    let mut by_key: BTreeMap<(EntityKind, String), Vec<usize>> = BTreeMap::new();
    for n in person_nodes..b.nodes.len() {
        let node = &b.nodes[n];
        let key = match node.kind {
            EntityKind::State => node.name().to_string(),
            _ => org_name(node.name()).key,
        };
        by_key.entry((node.kind, key)).or_default().push(n);
    }
    for ((kind, _), members) in &mut by_key {
        // Bodies with a known country first: one without joins them only if it fits one.
        members.sort_by_key(|&n| (b.nodes[n].country.is_none(), n));
        let mut seen: Vec<usize> = Vec::new();
        for &n in members.iter() {
            let mut roots: Vec<usize> = seen.iter().map(|&s| clusters.root(s)).collect();
            roots.sort_unstable();
            roots.dedup();
            let fits: Vec<usize> =
                roots.into_iter().filter(|&r| clusters.can_join(n, r, *kind, &apart)).collect();
            let name = b.nodes[n].name().to_string();
            match fits.as_slice() {
                [r] if clusters.root(n) != *r => {
                    let other = b.nodes[*r].name().to_string();
                    let reason = if fold(&name) == fold(&other) {
                        "same name".to_string()
                    } else {
                        format!(
                            "same name but for the kind of body or the country adjective: {name} ~ {other}"
                        )
                    };
                    b.judge(*kind, &name, &other, Verdict::Same, reason, JudgedBy::Names);
                    clusters.join(*r, n);
                }
                [] if !seen.is_empty() => {
                    let other = b.nodes[seen[0]].name().to_string();
                    let countries: Vec<String> = [&b.nodes[n].country, &b.nodes[seen[0]].country]
                        .iter()
                        .map(|c| c.as_deref().unwrap_or("unknown").to_string())
                        .collect();
                    b.judge(
                        *kind,
                        &name,
                        &other,
                        Verdict::Different,
                        format!("same name, different countries: {}", countries.join(" / ")),
                        JudgedBy::Names,
                    );
                }
                [] | [_] => {}
                many => {
                    for r in many {
                        let other = b.nodes[*r].name().to_string();
                        b.judge(
                            *kind,
                            &name,
                            &other,
                            Verdict::Unsure,
                            "no country to tell which body of that name it is".into(),
                            JudgedBy::Names,
                        );
                    }
                }
            }
            seen.push(n);
        }
    }
    join_acronyms(&mut b, &mut clusters, person_nodes, &apart);
    join_inserted_word(&mut b, &mut clusters, person_nodes, &apart);
    join_by_evidence(&mut b, &mut clusters, &people, &apart);

    // Incomplete names the claims stage marked: shown for review, never joined.
    b.judgements.extend(crate::doubts::judgements(claims));
    finish(b, clusters)
}

/// Grows the cluster table to the organisation nodes added after the people.
fn extend(mut clusters: Clusters, nodes: &[Node]) -> Clusters {
    let fresh = Clusters::new(&nodes[clusters.parent.len()..]);
    let offset = clusters.parent.len();
    clusters.parent.extend(fresh.parent.into_iter().map(|p| p + offset));
    clusters.full_names.extend(fresh.full_names.into_iter().map(|_| Vec::new()));
    clusters.countries.extend(fresh.countries);
    clusters.keys.extend(fresh.keys);
    clusters.docs.extend(fresh.docs);
    clusters.traits.extend(fresh.traits);
    clusters
}

fn apply_user_same(
    nodes: &[Node],
    clusters: &mut Clusters,
    user: &[UserJudgement],
    range: std::ops::Range<usize>,
) {
    for j in user.iter().filter(|j| j.verdict == Verdict::Same) {
        let (l, r) = (name_key(&j.left), name_key(&j.right));
        let with = |name: &str| -> Vec<usize> {
            range.clone().filter(|&n| nodes[n].names.keys().any(|k| name_key(k) == name)).collect()
        };
        let members: Vec<usize> = with(&l).into_iter().chain(with(&r)).collect();
        for w in members.windows(2) {
            if nodes[w[0]].kind == nodes[w[1]].kind {
                // The user's word overrides the name rules (but not their own "different").
                let (ra, rb) = (clusters.root(w[0]), clusters.root(w[1]));
                if ra != rb {
                    clusters.full_names[ra].clear();
                    clusters.full_names[rb].clear();
                    clusters.countries[rb].clear();
                    clusters.join(ra, rb);
                }
            }
        }
    }
}

/// "NSB" joins the one body whose name has those initials.
fn join_acronyms(
    b: &mut Builder<'_>,
    clusters: &mut Clusters,
    from: usize,
    apart: &[(String, String)],
) {
    let mut by_initials: HashMap<String, Vec<usize>> = HashMap::new();
    for n in from..b.nodes.len() {
        if b.nodes[n].kind != EntityKind::Organization {
            continue;
        }
        if let Some(i) = org_name(b.nodes[n].name()).initials {
            by_initials.entry(i).or_default().push(n);
        }
    }
    for n in from..b.nodes.len() {
        let name = b.nodes[n].name().to_string();
        let parsed = org_name(&name);
        if !parsed.is_acronym {
            continue;
        }
        let Some(candidates) = by_initials.get(&name.replace('.', "")) else { continue };
        let mut roots: Vec<usize> = candidates.iter().map(|&c| clusters.root(c)).collect();
        roots.sort_unstable();
        roots.dedup();
        roots.retain(|&r| clusters.can_join(n, r, EntityKind::Organization, apart));
        if let [r] = roots.as_slice() {
            let other = b.nodes[*r].name().to_string();
            b.judge(
                EntityKind::Organization,
                &name,
                &other,
                Verdict::Same,
                format!("{name} is the initials of {other}"),
                JudgedBy::Names,
            );
            clusters.join(*r, n);
        }
    }
}

/// Words whose insertion leaves a body's name naming the same body ("Northland
/// Intelligence Service" / "Northland National Intelligence Service").
const FILLER_WORDS: &[&str] =
    &["national", "state", "general", "federal", "central", "main", "supreme", "public"];

/// Two bodies of one country whose names differ by one inserted word: the same body when the
/// word is a filler ("national"), else a question for review ("Military Intelligence" and
/// "Air Military Intelligence" may be two bodies).
fn join_inserted_word(
    b: &mut Builder<'_>,
    clusters: &mut Clusters,
    from: usize,
    apart: &[(String, String)],
) {
    let keys: Vec<(usize, Vec<String>)> = (from..b.nodes.len())
        .filter(|&n| b.nodes[n].kind == EntityKind::Organization && b.nodes[n].country.is_some())
        .map(|n| (n, org_name(b.nodes[n].name()).key.split(' ').map(String::from).collect()))
        .collect();
    let mut by_key: HashMap<(String, String), Vec<usize>> = HashMap::new();
    for (n, words) in &keys {
        let country = b.nodes[*n].country.clone().unwrap_or_default();
        by_key.entry((words.join(" "), country)).or_default().push(*n);
    }
    for (n, words) in &keys {
        if words.len() < 3 {
            continue;
        }
        let country = b.nodes[*n].country.clone().unwrap_or_default();
        for skip in 0..words.len() {
            let shorter: Vec<&str> = words
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != skip)
                .map(|(_, w)| w.as_str())
                .collect();
            let Some(others) = by_key.get(&(shorter.join(" "), country.clone())) else {
                continue;
            };
            for &o in others {
                if clusters.root(o) == clusters.root(*n)
                    || !clusters.can_join(o, *n, EntityKind::Organization, apart)
                {
                    continue;
                }
                let (name, other) = (b.nodes[*n].name().to_string(), b.nodes[o].name().to_string());
                let inserted = &words[skip];
                if FILLER_WORDS.contains(&inserted.as_str()) {
                    b.judge(
                        EntityKind::Organization,
                        &name,
                        &other,
                        Verdict::Same,
                        format!("one name with \"{inserted}\" inserted: {name} ~ {other}"),
                        JudgedBy::Names,
                    );
                    clusters.join(o, *n);
                } else {
                    b.judge(
                        EntityKind::Organization,
                        &name,
                        &other,
                        Verdict::Unsure,
                        format!("{name} is {other} with \"{inserted}\" inserted: one body or two?"),
                        JudgedBy::Names,
                    );
                }
            }
        }
    }
}

/// One person heading two differently named bodies from the same year: the names are
/// proposed as aliases of one body, with the two claims as evidence.
fn join_by_evidence(
    b: &mut Builder<'_>,
    clusters: &mut Clusters,
    people: &HashMap<(String, String), usize>,
    apart: &[(String, String)],
) {
    struct Post {
        person: usize,
        body: usize,
        class: String,
        when: model::DateRange,
        words: BTreeSet<String>,
        claim: usize,
    }
    let bodies: HashMap<usize, usize> = b
        .nodes
        .iter()
        .enumerate()
        .flat_map(|(n, node)| {
            node.mentions.iter().filter(|m| m.field == "organization").map(move |m| (m.claim, n))
        })
        .collect();
    let mut posts: Vec<Post> = Vec::new();
    for (i, claim) in b.claims.iter().enumerate() {
        let holder = match claim.kind {
            ClaimType::Position => "holder",
            ClaimType::Appointment => "person",
            _ => continue,
        };
        let (Some(h), Some(role)) = (claim.field(holder), claim.field("role")) else { continue };
        let Some(&p) = people.get(&(claim.doc.clone(), name_key(h))) else { continue };
        let class = role_class(role);
        if crate::roles::rank_in_body(&class).is_none() {
            continue;
        }
        let Some(&body) = bodies.get(&i) else { continue };
        if b.nodes[body].kind != EntityKind::Organization {
            continue;
        }
        // When the post is known to hold: from its start (or appointment) to its end, else
        // the dates it is said to hold "as of".
        let dates: Vec<model::DateRange> = POST_DATE_FIELDS
            .iter()
            .filter_map(|f| model::DateRange::parse(claim.field(f)?))
            .collect();
        let (Some(lo), Some(hi)) =
            (dates.iter().map(|d| d.lo).min(), dates.iter().map(|d| d.hi).max())
        else {
            continue;
        };
        let words = org_name(b.nodes[body].name()).key.split(' ').map(String::from).collect();
        posts.push(Post {
            person: p,
            body,
            class,
            when: model::DateRange { lo, hi },
            words,
            claim: i,
        });
    }
    let mut by_person: BTreeMap<(usize, String), Vec<usize>> = BTreeMap::new();
    for (k, post) in posts.iter().enumerate() {
        by_person.entry((clusters.root(post.person), post.class.clone())).or_default().push(k);
    }
    for ((_, class), group) in by_person {
        for (x, &i) in group.iter().enumerate() {
            for &j in &group[x + 1..] {
                let (a, c) = (&posts[i], &posts[j]);
                // The same time, and names that share a word: two bodies a person headed at
                // once with unrelated names are more likely two posts than one body.
                if !a.when.overlaps(&c.when)
                    || a.words.is_disjoint(&c.words)
                    || clusters.root(a.body) == clusters.root(c.body)
                    || !clusters.can_join(a.body, c.body, EntityKind::Organization, apart)
                {
                    continue;
                }
                let (na, nc) =
                    (b.nodes[a.body].name().to_string(), b.nodes[c.body].name().to_string());
                let who = b.nodes[a.person].name().to_string();
                let ids = vec![b.claims[a.claim].id.clone(), b.claims[c.claim].id.clone()];
                let year = a.when.lo.max(c.when.lo) / 10_000;
                b.judge(
                    EntityKind::Organization,
                    &na,
                    &nc,
                    Verdict::Same,
                    format!("proposed alias, to review: {who} is {class} of both in {year}"),
                    JudgedBy::Evidence,
                )
                .claims = ids;
                clusters.join(a.body, c.body);
            }
        }
    }
}

fn finish(b: Builder<'_>, mut clusters: Clusters) -> Resolution {
    let Builder { nodes, judgements, .. } = b;
    let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for n in 0..nodes.len() {
        members.entry(clusters.root(n)).or_default().push(n);
    }
    let mut entities: Vec<(Entity, Vec<usize>)> = Vec::new();
    for (_, group) in members {
        let kind = nodes[group[0]].kind;
        let mut name_docs: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
        let mut docs: BTreeSet<String> = BTreeSet::new();
        let mut mentions = 0;
        let mut countries: BTreeMap<&str, usize> = BTreeMap::new();
        for &n in &group {
            for name in nodes[n].names.keys() {
                name_docs.entry(name).or_default().extend(nodes[n].docs.iter().map(String::as_str));
            }
            docs.extend(nodes[n].docs.iter().cloned());
            mentions += nodes[n].mentions.len();
            if let Some(c) = &nodes[n].country {
                *countries.entry(c).or_default() += 1;
            }
        }
        let mut names: Vec<(&str, usize)> = name_docs.iter().map(|(n, d)| (*n, d.len())).collect();
        names.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let full = |n: &str| match kind {
            EntityKind::Person => name_words(n).len() >= 2,
            _ => !org_name(n).is_acronym,
        };
        // A body's own name before a possessive form of it ("Venezuela's X" is X).
        let plain =
            |n: &str| kind == EntityKind::Person || !(n.contains("'s ") || n.contains("’s "));
        let canonical = names
            .iter()
            .filter(|(n, _)| full(n))
            .max_by_key(|(n, d)| (plain(n), *d, name_words(n).len(), std::cmp::Reverse(*n)))
            .or(names.first())
            .map(|(n, _)| n.to_string())
            .unwrap_or_default();
        let country = countries.iter().max_by_key(|(_, n)| **n).map(|(c, _)| c.to_string());
        let hash = model::Sha256::digest(
            format!(
                "{}|{}|{}",
                kind.as_str(),
                name_key(&canonical),
                country.clone().unwrap_or_default()
            )
            .as_bytes(),
        )
        .short(10);
        let entity = Entity {
            id: format!("{}-{hash}", kind.as_str()),
            kind,
            name: canonical,
            names: names.into_iter().map(|(n, _)| n.to_string()).collect(),
            country,
            docs: docs.into_iter().collect(),
            mentions,
        };
        entities.push((entity, group));
    }
    entities.sort_by(|a, b| b.0.mentions.cmp(&a.0.mentions).then(a.0.name.cmp(&b.0.name)));
    let mut seen_ids: HashMap<String, usize> = HashMap::new();
    let mut mention_entity: HashMap<usize, Vec<(String, usize, usize)>> = HashMap::new();
    let mut out = Vec::with_capacity(entities.len());
    for (i, (mut entity, group)) in entities.into_iter().enumerate() {
        let count = seen_ids.entry(entity.id.clone()).or_default();
        *count += 1;
        if *count > 1 {
            entity.id = format!("{}-{}", entity.id, count);
        }
        for n in group {
            for m in &nodes[n].mentions {
                mention_entity.entry(m.claim).or_default().push((m.field.clone(), m.slot, i));
            }
        }
        out.push(entity);
    }
    Resolution { entities: out, judgements, mention_entity }
}
