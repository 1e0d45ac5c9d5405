//! Country names, demonyms and ISO codes to one key, so that "SY", "Syria", "Syrian" and
//! "Syrian Arab Republic" compare equal across lists and the news.

/// (key, other forms), lowercase.
const COUNTRIES: &[(&str, &[&str])] = &[
    ("af", &["afghanistan", "afghan"]),
    ("by", &["belarus", "belarusian", "byelorussian"]),
    (
        "cd",
        &[
            "democratic republic of the congo",
            "congolese",
            "drc",
            "congo, democratic republic of the",
        ],
    ),
    ("cf", &["central african republic", "central african"]),
    ("cn", &["china", "chinese"]),
    ("cu", &["cuba", "cuban"]),
    ("eg", &["egypt", "egyptian"]),
    ("er", &["eritrea", "eritrean"]),
    ("gb", &["united kingdom", "uk", "british", "great britain"]),
    ("iq", &["iraq", "iraqi"]),
    ("ir", &["iran", "iranian", "iran, islamic republic of", "islamic republic of iran"]),
    ("jo", &["jordan", "jordanian"]),
    (
        "kp",
        &[
            "north korea",
            "korea, north",
            "democratic people's republic of korea",
            "dprk",
            "north korean",
        ],
    ),
    ("kr", &["south korea", "korea, south", "republic of korea", "south korean"]),
    ("kw", &["kuwait", "kuwaiti"]),
    ("lb", &["lebanon", "lebanese"]),
    ("ly", &["libya", "libyan"]),
    ("ml", &["mali", "malian"]),
    ("mm", &["burma", "myanmar", "burmese"]),
    ("ni", &["nicaragua", "nicaraguan"]),
    ("pk", &["pakistan", "pakistani"]),
    ("ps", &["palestinian", "palestine", "west bank", "gaza"]),
    ("qa", &["qatar", "qatari"]),
    ("ru", &["russia", "russian", "russian federation"]),
    ("sa", &["saudi arabia", "saudi"]),
    ("sd", &["sudan", "sudanese"]),
    ("so", &["somalia", "somali"]),
    ("ss", &["south sudan", "south sudanese"]),
    ("sy", &["syria", "syrian", "syrian arab republic"]),
    ("tn", &["tunisia", "tunisian"]),
    ("tr", &["turkey", "turkish", "türkiye", "turkiye"]),
    ("ua", &["ukraine", "ukrainian"]),
    ("us", &["united states", "united states of america", "usa", "american"]),
    ("ve", &["venezuela", "venezuelan", "venezuela, bolivarian republic of"]),
    ("ye", &["yemen", "yemeni"]),
    ("zw", &["zimbabwe", "zimbabwean"]),
];

/// The key of a country, nationality or ISO code; an unknown one is itself, lowercased.
pub(crate) fn key(text: &str) -> String {
    let t = text.trim().trim_end_matches('.').to_lowercase();
    for (code, forms) in COUNTRIES {
        if t == *code || forms.contains(&t.as_str()) {
            return (*code).to_string();
        }
    }
    t
}
