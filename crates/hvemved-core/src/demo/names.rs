//! Names, e-mail addresses and phone numbers for the demo staff.
//!
//! A Danish municipal workforce is mostly ethnically Danish, but names of
//! Arabic, Turkish, Somali, Polish, Pakistani, Ukrainian, Eritrean, Iranian,
//! Afghan and Bosnian origin are part of everyday life in any town hall, and
//! staff with those backgrounds often speak the language too. A directory
//! that shows only "Mette Jensen" would not look like the real thing.

use super::rng::Rng;

/// A naming tradition: first names by gender, surnames as (male, female)
/// pairs because Polish surnames inflect by gender, and the language a
/// person from that background is likely to speak besides Danish.
pub struct Origin {
    pub weight: u32,
    female: &'static [&'static str],
    male: &'static [&'static str],
    surnames: &'static [(&'static str, &'static str)],
    pub language: Option<&'static str>,
}

const fn same(n: &'static str) -> (&'static str, &'static str) {
    (n, n)
}

const DANISH_SURNAMES: &[(&str, &str)] = &[
    same("Nielsen"),
    same("Jensen"),
    same("Hansen"),
    same("Pedersen"),
    same("Andersen"),
    same("Christensen"),
    same("Larsen"),
    same("Sørensen"),
    same("Rasmussen"),
    same("Jørgensen"),
    same("Petersen"),
    same("Madsen"),
    same("Kristensen"),
    same("Olsen"),
    same("Thomsen"),
    same("Christiansen"),
    same("Poulsen"),
    same("Johansen"),
    same("Møller"),
    same("Mortensen"),
    same("Knudsen"),
    same("Jakobsen"),
    same("Mikkelsen"),
    same("Olesen"),
    same("Frederiksen"),
    same("Laursen"),
    same("Henriksen"),
    same("Lund"),
    same("Schmidt"),
    same("Eriksen"),
    same("Holm"),
    same("Kristiansen"),
    same("Clausen"),
    same("Simonsen"),
    same("Svendsen"),
    same("Andreasen"),
    same("Iversen"),
    same("Jeppesen"),
    same("Mogensen"),
    same("Vestergaard"),
    same("Nissen"),
    same("Lauridsen"),
    same("Kjær"),
    same("Dam"),
    same("Bach"),
    same("Østergaard"),
    same("Søndergaard"),
    same("Bruun"),
    same("Juhl"),
    same("Winther"),
    same("Friis"),
    same("Krogh"),
    same("Lindholm"),
    same("Skov"),
    same("Dahl"),
    same("Bech"),
    same("Gregersen"),
    same("Bertelsen"),
    same("Frandsen"),
    same("Bak"),
    same("Mølgaard"),
    same("Kirkegaard"),
    same("Ravn"),
    same("Lindberg"),
    same("Bonde"),
    same("Høj"),
    same("Thygesen"),
    same("Damgaard"),
    same("Nørgaard"),
    same("Brandt"),
    same("Kjeldsen"),
    same("Toft"),
    same("Borup"),
    same("Riis"),
    same("Overgaard"),
];

/// Danish middle names that are really family names ("Mette Holm Nielsen").
const DANISH_MIDDLE: &[&str] = &[
    "Holm",
    "Lund",
    "Skov",
    "Bach",
    "Kjær",
    "Dam",
    "Friis",
    "Juul",
    "Munk",
    "Vinther",
    "Krogh",
    "Bang",
    "Hedegaard",
    "Lykke",
    "Storm",
];

pub const ORIGINS: &[Origin] = &[
    Origin {
        weight: 840,
        female: &[
            "Anne",
            "Mette",
            "Hanne",
            "Susanne",
            "Lene",
            "Camilla",
            "Louise",
            "Maria",
            "Marianne",
            "Pia",
            "Tina",
            "Charlotte",
            "Helle",
            "Birgitte",
            "Line",
            "Julie",
            "Sofie",
            "Ida",
            "Emma",
            "Laura",
            "Cecilie",
            "Signe",
            "Katrine",
            "Rikke",
            "Trine",
            "Malene",
            "Stine",
            "Karina",
            "Dorthe",
            "Lone",
            "Kirsten",
            "Inge",
            "Bente",
            "Mia",
            "Anna",
            "Sara",
            "Christina",
            "Heidi",
            "Jeanette",
            "Maja",
            "Nanna",
            "Freja",
            "Astrid",
            "Karen",
            "Lise",
            "Gitte",
            "Ulla",
            "Vibeke",
            "Mathilde",
            "Josefine",
            "Sidsel",
            "Tove",
            "Ditte",
            "Majbritt",
            "Annette",
            "Jette",
            "Merete",
            "Nina",
            "Tanja",
            "Pernille",
            "Mille",
            "Amalie",
            "Louise",
            "Eva",
            "Solvej",
            "Rebekka",
        ],
        male: &[
            "Jens",
            "Peter",
            "Lars",
            "Michael",
            "Henrik",
            "Søren",
            "Thomas",
            "Martin",
            "Jesper",
            "Anders",
            "Morten",
            "Rasmus",
            "Kasper",
            "Christian",
            "Jakob",
            "Mads",
            "Niels",
            "Ole",
            "Kim",
            "Brian",
            "Torben",
            "Steen",
            "Bo",
            "Poul",
            "Frederik",
            "Mikkel",
            "Jonas",
            "Simon",
            "Emil",
            "Oliver",
            "Troels",
            "Kristian",
            "Allan",
            "Jan",
            "Carsten",
            "René",
            "Flemming",
            "Klaus",
            "Mathias",
            "Nikolaj",
            "Asger",
            "Esben",
        ],
        surnames: DANISH_SURNAMES,
        language: None,
    },
    Origin {
        weight: 35,
        female: &[
            "Fatima", "Amina", "Yasmin", "Leila", "Nour", "Rania", "Huda", "Lina", "Dima", "Hiba", "Mariam",
            "Zainab", "Aya",
        ],
        male: &[
            "Ahmad", "Mohammad", "Ali", "Hassan", "Omar", "Khaled", "Tarek", "Youssef", "Bilal", "Samir",
            "Karim", "Rami", "Walid", "Ibrahim",
        ],
        surnames: &[
            same("Hassan"),
            same("Khalil"),
            same("Haddad"),
            same("Mansour"),
            same("Saleh"),
            same("Abdallah"),
            same("Nasser"),
            same("Hamdan"),
            same("El-Sayed"),
            same("Jaber"),
            same("Yousef"),
            same("Al-Khatib"),
            same("Darwish"),
            same("Qassem"),
            same("Farhat"),
        ],
        language: Some("arabisk"),
    },
    Origin {
        weight: 30,
        female: &[
            "Ayşe", "Elif", "Zeynep", "Esra", "Hatice", "Merve", "Sibel", "Derya", "Gülşen", "Tülay", "Özlem",
        ],
        male: &[
            "Mehmet", "Mustafa", "Emre", "Murat", "Hakan", "Serkan", "Burak", "Kemal", "Ercan", "Okan",
            "Volkan",
        ],
        surnames: &[
            same("Yılmaz"),
            same("Kaya"),
            same("Demir"),
            same("Çelik"),
            same("Şahin"),
            same("Yıldız"),
            same("Öztürk"),
            same("Aydın"),
            same("Arslan"),
            same("Doğan"),
            same("Koç"),
            same("Kılıç"),
            same("Aslan"),
            same("Polat"),
        ],
        language: Some("tyrkisk"),
    },
    Origin {
        weight: 14,
        female: &[
            "Hodan", "Fadumo", "Amran", "Ifrah", "Sahra", "Hibaq", "Ayaan", "Nimco", "Ubah", "Deeqa",
        ],
        male: &[
            "Abdi",
            "Mohamed",
            "Abdirahman",
            "Ahmed",
            "Yusuf",
            "Liban",
            "Mahad",
            "Abdullahi",
        ],
        surnames: &[
            same("Warsame"),
            same("Abdi"),
            same("Hussein"),
            same("Farah"),
            same("Jama"),
            same("Osman"),
            same("Mohamud"),
            same("Nur"),
            same("Ismail"),
            same("Aden"),
            same("Egal"),
        ],
        language: Some("somali"),
    },
    Origin {
        weight: 16,
        female: &[
            "Agnieszka",
            "Katarzyna",
            "Joanna",
            "Magdalena",
            "Marta",
            "Ewa",
            "Monika",
            "Karolina",
            "Aleksandra",
        ],
        male: &[
            "Piotr",
            "Tomasz",
            "Paweł",
            "Krzysztof",
            "Marcin",
            "Michał",
            "Łukasz",
            "Jakub",
            "Grzegorz",
            "Kamil",
        ],
        surnames: &[
            same("Nowak"),
            ("Kowalski", "Kowalska"),
            ("Wiśniewski", "Wiśniewska"),
            ("Lewandowski", "Lewandowska"),
            ("Zieliński", "Zielińska"),
            same("Wójcik"),
            ("Kamiński", "Kamińska"),
            ("Szymański", "Szymańska"),
            same("Mazur"),
            same("Krawczyk"),
            ("Dąbrowski", "Dąbrowska"),
        ],
        language: Some("polsk"),
    },
    Origin {
        weight: 14,
        female: &[
            "Ayesha", "Sana", "Nadia", "Saima", "Rabia", "Hina", "Shazia", "Mehwish",
        ],
        male: &[
            "Imran", "Asif", "Tariq", "Faisal", "Usman", "Kamran", "Adnan", "Zahid",
        ],
        surnames: &[
            same("Khan"),
            same("Hussain"),
            same("Iqbal"),
            same("Malik"),
            same("Butt"),
            same("Chaudhry"),
            same("Raza"),
            same("Akhtar"),
            same("Qureshi"),
        ],
        language: Some("urdu"),
    },
    Origin {
        weight: 10,
        female: &[
            "Olena",
            "Oksana",
            "Iryna",
            "Nataliia",
            "Yuliia",
            "Tetiana",
            "Kateryna",
            "Viktoriia",
        ],
        male: &[
            "Oleksandr",
            "Andrii",
            "Dmytro",
            "Serhii",
            "Volodymyr",
            "Mykola",
            "Taras",
        ],
        surnames: &[
            same("Shevchenko"),
            same("Kovalenko"),
            same("Bondarenko"),
            same("Tkachenko"),
            same("Kravchenko"),
            same("Melnyk"),
            same("Boiko"),
            same("Oliinyk"),
            same("Lysenko"),
        ],
        language: Some("ukrainsk"),
    },
    Origin {
        weight: 8,
        female: &["Senait", "Yohana", "Selam", "Mehret", "Rahwa", "Saba", "Luwam"],
        male: &["Yonas", "Samuel", "Filmon", "Tesfay", "Robel", "Habtom", "Mussie"],
        surnames: &[
            same("Tesfamariam"),
            same("Gebremedhin"),
            same("Haile"),
            same("Tekle"),
            same("Berhane"),
            same("Kidane"),
            same("Woldu"),
            same("Asmerom"),
        ],
        language: Some("tigrinya"),
    },
    Origin {
        weight: 16,
        female: &[
            "Maryam", "Zahra", "Shirin", "Parisa", "Mahsa", "Nazanin", "Setareh", "Roya", "Laleh",
        ],
        male: &[
            "Reza", "Amir", "Hamid", "Mehdi", "Farid", "Navid", "Babak", "Omid", "Sohrab",
        ],
        surnames: &[
            same("Ahmadi"),
            same("Rahimi"),
            same("Hosseini"),
            same("Karimi"),
            same("Mohammadi"),
            same("Rezaei"),
            same("Sadeghi"),
            same("Azizi"),
            same("Jafari"),
            same("Nazari"),
        ],
        language: Some("farsi"),
    },
    Origin {
        weight: 10,
        female: &["Amra", "Lejla", "Emina", "Selma", "Aida", "Merima"],
        male: &["Edin", "Senad", "Mirza", "Haris", "Damir", "Emir"],
        surnames: &[
            same("Hodžić"),
            same("Begić"),
            same("Delić"),
            same("Hadžić"),
            same("Mehmedović"),
            same("Kovačević"),
        ],
        language: Some("bosnisk"),
    },
];

pub struct Name {
    pub first: String,
    pub middle: Option<String>,
    pub last: String,
    pub origin: usize,
}

impl Name {
    pub fn full(&self) -> String {
        match &self.middle {
            Some(m) => format!("{} {} {}", self.first, m, self.last),
            None => format!("{} {}", self.first, self.last),
        }
    }
}

pub fn random_name(rng: &mut Rng, female: bool) -> Name {
    let weights: Vec<u32> = ORIGINS.iter().map(|o| o.weight).collect();
    let origin = rng.weighted(&weights);
    let o = &ORIGINS[origin];
    let first = rng.pick(if female { o.female } else { o.male }).to_string();
    // Some women with a foreign first name have taken a Danish spouse's name,
    // which is common enough that a directory should show it.
    let surnames = if origin != 0 && female && rng.chance(0.12) {
        DANISH_SURNAMES
    } else {
        o.surnames
    };
    let pair = rng.pick(surnames);
    let last = if female { pair.1 } else { pair.0 }.to_string();
    let middle = if origin == 0 && rng.chance(0.22) {
        let m = rng.pick(DANISH_MIDDLE);
        (m != last).then(|| m.to_string())
    } else {
        None
    };
    Name {
        first,
        middle,
        last,
        origin,
    }
}

/// Lower-case ASCII for e-mail addresses: the Danish letters get their usual
/// two-letter spellings and other accents are dropped, because mail systems
/// in Danish municipalities still hand out plain ASCII addresses.
pub fn ascii_fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        match c {
            'æ' => out.push_str("ae"),
            'ø' => out.push_str("oe"),
            'å' => out.push_str("aa"),
            'ä' => out.push('a'),
            'ö' => out.push('o'),
            'ü' => out.push('u'),
            'é' | 'è' | 'ę' => out.push('e'),
            'ç' | 'č' | 'ć' => out.push('c'),
            'ş' | 'ś' | 'š' => out.push('s'),
            'ğ' => out.push('g'),
            'ı' => out.push('i'),
            'ł' => out.push('l'),
            'ó' => out.push('o'),
            'ą' => out.push('a'),
            'ń' => out.push('n'),
            'ż' | 'ź' | 'ž' => out.push('z'),
            'đ' => out.push('d'),
            ' ' | '-' => out.push('-'),
            c if c.is_ascii_alphanumeric() => out.push(c),
            _ => {}
        }
    }
    out
}

/// `first.last@domain`, made unique against `taken` by adding the middle
/// initial and then a number, the way IT departments resolve clashes.
pub fn email(name: &Name, domain: &str, taken: &mut std::collections::BTreeSet<String>) -> String {
    let first = ascii_fold(&name.first);
    let last = ascii_fold(&name.last);
    let base = format!("{first}.{last}");
    let mut tries = vec![base.clone()];
    if let Some(m) = &name.middle {
        let initial: String = ascii_fold(m).chars().take(1).collect();
        tries.push(format!("{first}.{initial}.{last}"));
    }
    for local in tries.into_iter().chain((2..).map(|n| format!("{base}{n}"))) {
        let address = format!("{local}@{domain}");
        if taken.insert(address.clone()) {
            return address;
        }
    }
    unreachable!("an unbounded counter always finds a free address")
}

/// A Danish number: either a direct line in the municipality's own series or
/// a work mobile, which is what most field staff have.
pub fn phone(rng: &mut Rng, taken: &mut std::collections::BTreeSet<String>) -> String {
    loop {
        let number = if rng.chance(0.45) {
            format!("+45 96 31 {:02} {:02}", rng.below(100), rng.below(100))
        } else {
            let lead = rng.pick(&[
                20u32, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 40, 41, 42, 51, 52, 60, 61,
            ]);
            format!(
                "+45 {lead} {:02} {:02} {:02}",
                rng.below(100),
                rng.below(100),
                rng.below(100)
            )
        };
        if taken.insert(number.clone()) {
            return number;
        }
    }
}
