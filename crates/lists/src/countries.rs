//! Country names, demonyms and ISO codes to one key, so that "SY", "Syria", "Syrian" and
//! "Syrian Arab Republic" compare equal across lists and the news.

/// (key, other forms), lowercase.
const COUNTRIES: &[(&str, &[&str])] = &[
    ("af", &["afghanistan", "afghan"]),
    ("ae", &["united arab emirates", "uae", "emirati"]),
    ("al", &["albania", "albanian"]),
    ("ar", &["argentina", "argentine", "argentinian"]),
    ("az", &["azerbaijan", "azerbaijani"]),
    ("ba", &["bosnia and herzegovina", "bosnia", "bosnian"]),
    ("bd", &["bangladesh", "bangladeshi"]),
    ("bh", &["bahrain", "bahraini"]),
    ("bi", &["burundi", "burundian"]),
    ("bo", &["bolivia", "bolivian"]),
    ("br", &["brazil", "brazilian"]),
    ("ca", &["canada", "canadian"]),
    ("cg", &["republic of the congo", "congo", "congo, republic of the"]),
    ("co", &["colombia", "colombian"]),
    ("cy", &["cyprus", "cypriot"]),
    ("de", &["germany", "german"]),
    ("dz", &["algeria", "algerian"]),
    ("ec", &["ecuador", "ecuadorian", "ecuadorean"]),
    ("es", &["spain", "spanish"]),
    ("et", &["ethiopia", "ethiopian"]),
    ("fr", &["france", "french"]),
    ("ge", &["georgia", "georgian"]),
    ("gn", &["guinea", "guinean"]),
    ("gt", &["guatemala", "guatemalan"]),
    ("hn", &["honduras", "honduran"]),
    ("id", &["indonesia", "indonesian"]),
    ("il", &["israel", "israeli"]),
    ("in", &["india", "indian"]),
    ("it", &["italy", "italian"]),
    ("kh", &["cambodia", "cambodian"]),
    ("kz", &["kazakhstan", "kazakh", "kazakhstani"]),
    ("la", &["laos", "lao", "lao people's democratic republic"]),
    ("lk", &["sri lanka", "sri lankan"]),
    ("ma", &["morocco", "moroccan"]),
    ("md", &["moldova", "moldovan", "republic of moldova"]),
    ("mr", &["mauritania", "mauritanian"]),
    ("mx", &["mexico", "mexican"]),
    ("my", &["malaysia", "malaysian"]),
    ("ng", &["nigeria", "nigerian"]),
    ("nl", &["netherlands", "dutch"]),
    ("om", &["oman", "omani"]),
    ("pa", &["panama", "panamanian"]),
    ("pe", &["peru", "peruvian"]),
    ("ph", &["philippines", "filipino", "philippine"]),
    ("rs", &["serbia", "serbian"]),
    ("rw", &["rwanda", "rwandan"]),
    ("sn", &["senegal", "senegalese"]),
    ("td", &["chad", "chadian"]),
    ("th", &["thailand", "thai"]),
    ("tj", &["tajikistan", "tajik"]),
    ("ug", &["uganda", "ugandan"]),
    ("uz", &["uzbekistan", "uzbek"]),
    ("vn", &["vietnam", "viet nam", "vietnamese"]),
    ("xk", &["kosovo", "kosovar"]),
    ("za", &["south africa", "south african"]),
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
    // "Iran (Islamic Republic of)" is "Iran, Islamic Republic of", as other lists write it.
    let t = match t.split_once(" (") {
        Some((head, tail)) => format!("{head}, {}", tail.trim_end_matches(')')),
        None => t,
    };
    let t = COUNTRIES
        .iter()
        .any(|(_, forms)| forms.contains(&t.as_str()))
        .then_some(t.clone())
        .or_else(|| t.split_once(", ").map(|(head, _)| head.to_string()))
        .unwrap_or(t);
    for (code, forms) in COUNTRIES {
        if t == *code || forms.contains(&t.as_str()) {
            return (*code).to_string();
        }
    }
    t
}
