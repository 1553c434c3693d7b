//! Tables of invented cases for titles, spelling variants, coreference, actor codes and
//! geocoding, run through the full chain (segmenter, tagger, names).

mod common;
use common::*;
use sitrep_doc::{EntityKind, MentionForm};

/// (text, person mention, title under its `title` span, actor code)
const TITLES: &[(&str, &str, &str, &str)] = &[
    (
        "Deputy Foreign Minister Sergei Ryabkov said Russia would respond.",
        "Sergei Ryabkov",
        "Deputy Foreign Minister",
        "RUSGOV",
    ),
    (
        "Russian Foreign Minister Sergei Lavrov arrived in Vienna.",
        "Sergei Lavrov",
        "Foreign Minister",
        "RUSGOV",
    ),
    (
        "French President Emmanuel Macron called for calm.",
        "Emmanuel Macron",
        "President",
        "FRAGOV",
    ),
    (
        "We will not accept this, Ned Price State Department spokesman told reporters.",
        "Ned Price",
        "State Department spokesman",
        "USAGOV",
    ),
    (
        "The talks were tough. Sergey Ryabkov Deputy Foreign Minister of Russia",
        "Sergey Ryabkov",
        "Deputy Foreign Minister of Russia",
        "RUSGOV",
    ),
    (
        "Wendy Sherman, the US First Deputy Secretary of State, led the delegation.",
        "Wendy Sherman",
        "First Deputy Secretary of State",
        "USAGOV",
    ),
    (
        "US Secretary of State Antony Blinken spoke to reporters in Berlin.",
        "Antony Blinken",
        "Secretary of State",
        "USAGOV",
    ),
    (
        "Pentagon spokesman John Kirby said the troops were ready.",
        "John Kirby",
        "Pentagon spokesman",
        "USAMIL",
    ),
    (
        "Kremlin spokesman Dmitry Peskov declined to comment.",
        "Dmitry Peskov",
        "Kremlin spokesman",
        "RUSGOV",
    ),
    (
        "Ukrainian Defense Minister Oleksii Reznikov visited the front.",
        "Oleksii Reznikov",
        "Defense Minister",
        "UKRGOV",
    ),
    (
        "German Chancellor Olaf Scholz travelled to Washington on Friday.",
        "Olaf Scholz",
        "Chancellor",
        "DEUGOV",
    ),
    (
        "British Prime Minister Boris Johnson warned of sanctions.",
        "Boris Johnson",
        "Prime Minister",
        "GBRGOV",
    ),
    // Cities count for the article's country: a domestic report names its own country
    // rarely and its cities often.
    (
        "Police in Glasgow and Edinburgh arrested 20 fans after the match against Romania. In Cardiff, Justice Minister Jane Moss defended the police.",
        "Jane Moss",
        "Justice Minister",
        "GBRJUD",
    ),
    // A US state is a place in the US: the article's country for a title without one.
    (
        "Senator Bernie Sanders of Vermont opposed the bill.",
        "Bernie Sanders",
        "Senator",
        "USALEG",
    ),
    (
        "Chinese Foreign Ministry spokesman Wang Wenbin rejected the claims.",
        "Wang Wenbin",
        "Chinese Foreign Ministry spokesman",
        "CHNGOV",
    ),
    (
        "Maria Zakharova, the Russian Foreign Ministry spokeswoman, said the report was false.",
        "Maria Zakharova",
        "Russian Foreign Ministry spokeswoman",
        "RUSGOV",
    ),
    (
        "Israeli Prime Minister Naftali Bennett met the king.",
        "Naftali Bennett",
        "Prime Minister",
        "ISRGOV",
    ),
    (
        "A deal that U.S. negotiator Paul Nitze believed in was dropped.",
        "Paul Nitze",
        "negotiator",
        "USAGOV",
    ),
    (
        "Chief Palestinian negotiator Saeb Erakat said the talks failed.",
        "Saeb Erakat",
        "negotiator",
        "PSEGOV",
    ),
    (
        "Sergey Ryabkov Deputy Foreign Minister of the Russian Federation",
        "Sergey Ryabkov",
        "Deputy Foreign Minister of the Russian Federation",
        "RUSGOV",
    ),
    (
        "Georgian President Salome Zourabichvili spoke in Tbilisi.",
        "Salome Zourabichvili",
        "President",
        "GEOGOV",
    ),
    // The country of an appositive nominal ("the head of the Canadian delegation") is the
    // person's, ahead of the article's dominant country.
    (
        "Russia and Russian diplomats met in Moscow. The head of the Canadian delegation, Deputy Minister Claire Fontaine, said Russia must act.",
        "Claire Fontaine",
        "Deputy Minister",
        "CANGOV",
    ),
    // A capitalized title after a name, running on into an organization of the country.
    (
        "Sanctions hurt our hospitals. Omid Rahimi Spokesman of the Iranian Foreign Ministry",
        "Omid Rahimi",
        "Spokesman of the Iranian Foreign Ministry",
        "IRNGOV",
    ),
    // Countries named once each: a title with no country takes the first one named (the
    // lead's), not the one that sorts first.
    (
        "Zambia held an election. Vice President Ruth Mbewe urged calm. Chinese and Nigerian envoys watched.",
        "Ruth Mbewe",
        "Vice President",
        "ZMBGOV",
    ),
    // An office only one country has, in an article about another country.
    (
        "Iran and Iranian officials were blamed. Under Secretary of State Laura Pierce said Iran must act.",
        "Laura Pierce",
        "Under Secretary of State",
        "USAGOV",
    ),
    // Title, comma, full name.
    (
        "Iran rejected the offer. Its spokesman, Omid Rahimi, accused Washington of pressure.",
        "Omid Rahimi",
        "spokesman",
        "IRNGOV",
    ),    // A title with the place or body where it is held, comma, full name: the person holds
    // the title, and the code is the title's organization, not the place's country.
    (
        "The WHO representative to Mali, Jean Dupont, said the outbreak was under control.",
        "Jean Dupont",
        "WHO representative",
        "IGOUNOHLHWHO",
    ),
    (
        "Officials met in Addis Ababa. The UN envoy for Sudan, Peter Lindqvist, urged a truce.",
        "Peter Lindqvist",
        "UN envoy",
        "IGOUNO",
    ),
];

#[test]
fn titles_bind_to_persons() {
    for &(text, name, title, code) in TITLES {
        let doc = run(text);
        let d = dump(&doc);
        let m = mentions_of(&doc, name);
        let m = m
            .first()
            .unwrap_or_else(|| panic!("case {text:?}: no mention {name:?}\n{d}"));
        assert_eq!(m.kind, EntityKind::Person, "case {text:?}\n{d}");
        let t = m
            .title
            .unwrap_or_else(|| panic!("case {text:?}: no title on {name:?}\n{d}"));
        assert_eq!(doc.slice(t), title, "case {text:?}\n{d}");
        let e = doc.entity(m.entity.unwrap());
        assert_eq!(e.actor_code.as_deref(), Some(code), "case {text:?}\n{d}");
    }
}

/// (text, mention a, mention b): both mentions must be one entity.
const SAME: &[(&str, &str, &str)] = &[
    (
        "Sergei Ryabkov spoke first. Later Sergey Ryabkov added a remark.",
        "Sergei Ryabkov",
        "Sergey Ryabkov",
    ),
    (
        "Dmitry Peskov spoke. Dmitriy Peskov then left.",
        "Dmitry Peskov",
        "Dmitriy Peskov",
    ),
    (
        "President Volodymyr Zelensky spoke. Zelenskyy said more.",
        "Volodymyr Zelensky",
        "Zelenskyy",
    ),
    (
        "Alexei Navalny was jailed. Navalny appealed.",
        "Alexei Navalny",
        "Navalny",
    ),
    (
        "Wendy Sherman arrived. Sherman said the talks were useful.",
        "Wendy Sherman",
        "Sherman",
    ),
    (
        "The summit of NATO ended. The North Atlantic Alliance will meet again.",
        "NATO",
        "North Atlantic Alliance",
    ),
    (
        "The United States and Russia met. Later the US was firm.",
        "United States",
        "US",
    ),
    (
        "Officials in the U.S. said the United States would respond.",
        "U.S.",
        "United States",
    ),
    (
        "The United Nations voted. The UN will send observers.",
        "United Nations",
        "UN",
    ),
    (
        "The European Union agreed. The EU will pay.",
        "European Union",
        "EU",
    ),
    (
        "Moscow said it would respond. The Kremlin denied the report. Moscow accused the West.",
        "Moscow",
        "Moscow",
    ),
    (
        "Russian troops moved. Russian troops also massed near Kharkiv.",
        "Russian troops",
        "Russian troops",
    ),
    (
        "The Russian delegation left. The Russian side said nothing.",
        "The Russian delegation",
        "The Russian side",
    ),
    (
        "The Philippine navy reported an incident. The Philippine navy said the ships left.",
        "The Philippine navy",
        "The Philippine navy",
    ),
    (
        "Britain and the UK are the same. Great Britain voted.",
        "Britain",
        "Great Britain",
    ),
];

#[test]
fn variants_and_aliases_are_one_entity() {
    for &(text, a, b) in SAME {
        let doc = run(text);
        let d = dump(&doc);
        let ea = mentions_of(&doc, a)
            .first()
            .and_then(|m| m.entity)
            .unwrap_or_else(|| panic!("case {text:?}: no {a:?}\n{d}"));
        let eb = mentions_of(&doc, b)
            .last()
            .and_then(|m| m.entity)
            .unwrap_or_else(|| panic!("case {text:?}: no {b:?}\n{d}"));
        assert_eq!(ea, eb, "case {text:?}: {a:?} and {b:?}\n{d}");
    }
}

/// (text, mention a, mention b): different entities.
const DIFFERENT: &[(&str, &str, &str)] = &[
    (
        "Sergei Lavrov met Sergei Ryabkov.",
        "Sergei Lavrov",
        "Sergei Ryabkov",
    ),
    (
        "Washington wanted talks. Officials met in Washington on Monday.",
        "Washington",
        "Washington",
    ),
    (
        "Moscow accused Kyiv. The talks in Moscow ended.",
        "Moscow",
        "Moscow",
    ),
    (
        "Sergei Lavrov met Sergei Ryabkov. Lavrov spoke first.",
        "Sergei Ryabkov",
        "Lavrov",
    ),
    (
        "Ned Price spoke after Wendy Sherman.",
        "Ned Price",
        "Wendy Sherman",
    ),
    (
        "The Russian side and the American side met.",
        "The Russian side",
        "the American side",
    ),
    // Two bodies of one state with one code are two actors.
    (
        "The Philippine navy reported two incidents. The Philippine military said the ships were harassed.",
        "The Philippine navy",
        "The Philippine military",
    ),
    (
        "The Russian army moved north while the Russian police closed the roads.",
        "The Russian army",
        "the Russian police",
    ),
];

#[test]
fn distinct_entities_stay_apart() {
    for &(text, a, b) in DIFFERENT {
        let doc = run(text);
        let d = dump(&doc);
        let ea = mentions_of(&doc, a).first().and_then(|m| m.entity);
        let eb = mentions_of(&doc, b).last().and_then(|m| m.entity);
        assert!(
            ea.is_some() && eb.is_some(),
            "case {text:?}: no {a:?} or {b:?}\n{d}"
        );
        assert_ne!(ea, eb, "case {text:?}: {a:?} and {b:?}\n{d}");
    }
}

/// (text, anaphor as written, its expected antecedent's canonical name)
const COREF: &[(&str, &str, &str)] = &[
    ("Sergei Ryabkov praised the talks. He spoke at a press conference.", "He", "Sergei Ryabkov"),
    ("Wendy Sherman led the team. She added that more talks were needed.", "She", "Wendy Sherman"),
    ("Wendy Sherman met Sergei Ryabkov. He said the talks were hard.", "He", "Sergei Ryabkov"),
    ("Sergei Ryabkov met Wendy Sherman. She said the talks were useful.", "She", "Wendy Sherman"),
    ("Deputy Foreign Minister Sergei Ryabkov spoke. According to him, no progress was made.", "him", "Sergei Ryabkov"),
    ("Deputy Foreign Minister Sergei Ryabkov spoke. The Deputy Foreign Minister also said more.", "The Deputy Foreign Minister", "Sergei Ryabkov"),
    ("Deputy Foreign Minister Sergei Ryabkov spoke. According to the deputy head of the department, it was hard.", "the deputy head of the department", "Sergei Ryabkov"),
    ("US Deputy Secretary of State Wendy Sherman arrived. Later the Deputy Secretary of State of the United States spoke.", "the Deputy Secretary of State of the United States", "Wendy Sherman"),
    ("Foreign Minister Sergei Lavrov arrived. The minister said Moscow was ready.", "The minister", "Sergei Lavrov"),
    ("Ambassador Anatoly Antonov was summoned. The diplomat refused to comment.", "The diplomat", "Anatoly Antonov"),
    ("Chancellor Angela Merkel met Emmanuel Macron. She said Europe must act.", "She", "Angela Merkel"),
    ("Emmanuel Macron met Chancellor Angela Merkel. He said Europe must act.", "He", "Emmanuel Macron"),
    ("Ned Price State Department spokesman spoke. His statement was short.", "His", "Ned Price"),
    ("Russian Foreign Minister Sergei Lavrov met US Secretary of State Antony Blinken. The Secretary of State said the meeting was frank.", "The Secretary of State", "Antony Blinken"),
    ("The Russian delegation arrived on Monday. They said the talks were over.", "They", "Russian delegation"),
    ("The head of the Canadian delegation, Deputy Minister Claire Fontaine, said Russia must act.", "The head of the Canadian", "Claire Fontaine"),
    // The person the text is about, not the last name written: a possessor or an object
    // named in between does not take the pronoun.
    ("Pavel Orlov said the talks had failed. Tomas Berger's reply came hours later. He warned the West against new sanctions.", "He", "Pavel Orlov"),
    ("Pavel Orlov spoke after his meeting with Tomas Berger. He said it was a waste of time.", "He", "Pavel Orlov"),
    // A name in apposition to its description, or followed by its own, is still the
    // subject of the verb after the apposition, and the topic of the next sentence.
    ("Colonel Pavel Orlov said the army had won. Orlov said more troops would come. A rebel commander, Tomas Berger, told a radio station that the attack was revenge. He said every strike would be answered.", "He", "Tomas Berger"),
    ("Pavel Orlov said the talks had failed. Tomas Berger, the leader of the farmers' union, said the strike would go on. He called the decree a declaration of war.", "He", "Tomas Berger"),
    // Organization nominals: the latest organization before them whose code or name fits.
    ("The European Union imposed sanctions on Iran. Iran said the bloc would regret it.", "the bloc", "European Union"),
    ("Human Rights Watch accused the police of abuses. The rights group said dozens were held.", "The rights group", "Human Rights Watch"),
    ("The International Atomic Energy Agency sent inspectors to Iran. Iran said the agency was biased.", "the agency", "International Atomic Energy Agency"),
];

/// Organization nominals that nothing before them fits stay unresolved (no mention).
const UNLINKED_ORG_NOMINALS: &[(&str, &str)] = &[
    (
        "Russia imposed sanctions. The group of seven met in Rome.",
        "The group",
    ),
    ("Iran said the bloc would regret it.", "the bloc"),
    (
        "The State Department spoke. The rights group said dozens were held.",
        "The rights group",
    ),
    (
        "The European Union imposed sanctions. The militant group attacked a post.",
        "The militant group",
    ),
];

#[test]
fn organization_nominals_without_an_antecedent_stay_unresolved() {
    for &(text, nominal) in UNLINKED_ORG_NOMINALS {
        let doc = run(text);
        assert!(
            mentions_of(&doc, nominal).is_empty(),
            "case {text:?}\n{}",
            dump(&doc)
        );
    }
}

#[test]
fn pronouns_and_role_nouns_resolve() {
    for &(text, anaphor, antecedent) in COREF {
        let doc = run(text);
        let d = dump(&doc);
        let m = mentions_of(&doc, anaphor);
        let m = m
            .first()
            .unwrap_or_else(|| panic!("case {text:?}: {anaphor:?} unresolved\n{d}"));
        let e = doc.entity(m.entity.unwrap());
        assert_eq!(e.name, antecedent, "case {text:?}: {anaphor:?}\n{d}");
        assert!(
            matches!(m.form, MentionForm::Pronoun | MentionForm::Nominal),
            "case {text:?}\n{d}"
        );
    }
}

/// (text, mention, actor code)
const ACTORS: &[(&str, &str, &str)] = &[
    // Commissioners and ombudsmen hold offices of their state or organization.
    (
        "Olena Marchenko, Ukraine's human rights commissioner, thanked the mediators.",
        "Olena Marchenko",
        "UKRGOV",
    ),
    (
        "EU Commissioner Olena Marchenko thanked the mediators.",
        "Olena Marchenko",
        "IGOEUREEC",
    ),
    // A named organization before a role noun is the person's place of work.
    (
        "ICRC delegate Anna Lindqvist said the convoy had reached the town.",
        "Anna Lindqvist",
        "NGOHLHIRC",
    ),
    // An organ between the organization and the title belongs to the same office.
    (
        "African Union Commission chairman Omar Diallo called for calm in Bamako.",
        "Omar Diallo",
        "IGOAFRAFU",
    ),
    // A former national office: the country's elites; a title written with the name says
    // more of the person than a nominal standing for it.
    (
        "The board declared Ivan Petrov the winner. The head of the observer mission, former Slovak Foreign Minister Jan Hruby, said voting had started late.",
        "Jan Hruby",
        "SVKELI",
    ),
    (
        "Former Prime Minister Tomas Hradek said in Prague that the budget was too loose.",
        "Tomas Hradek",
        "CZEELI",
    ),
    (
        "Washington wanted to continue negotiations.",
        "Washington",
        "USAGOV",
    ),
    ("Talks with Moscow failed.", "Moscow", "RUSGOV"),
    ("Beijing warned against the visit.", "Beijing", "CHNGOV"),
    ("Kyiv rejected the proposal.", "Kyiv", "UKRGOV"),
    ("Kiev has asked for more weapons.", "Kiev", "UKRGOV"),
    ("The Kremlin has no plans to attack.", "Kremlin", "RUSGOV"),
    ("The report was broadcast on RT yesterday.", "RT", "RUSMED"),
    (
        "An article in the New York Times said so.",
        "New York Times",
        "USAMED",
    ),
    ("The BBC reported the strike.", "BBC", "GBRMED"),
    ("Reuters reported the strike.", "Reuters", "GBRMED"),
    ("NATO will not expand, officials said.", "NATO", "IGOWSTNAT"),
    ("The UN condemned the attack.", "UN", "IGOUNO"),
    (
        "The European Union imposed sanctions.",
        "European Union",
        "IGOEUREEC",
    ),
    ("Russia and the United States disagreed.", "Russia", "RUS"),
    (
        "Russia and the United States disagreed.",
        "United States",
        "USA",
    ),
    (
        "The Russian delegation was headed by a deputy minister.",
        "The Russian delegation",
        "RUSGOV",
    ),
    (
        "Russian troops are stationed near the border.",
        "Russian troops",
        "RUSMIL",
    ),
    (
        "Western countries will impose sanctions.",
        "Western countries",
        "WST",
    ),
    (
        "The talks with the American side were difficult.",
        "the American side",
        "USAGOV",
    ),
    (
        "Downing Street said the plan was ready.",
        "Downing Street",
        "GBRGOV",
    ),
    (
        "The White House declined to comment.",
        "White House",
        "USAGOV",
    ),
    ("The IAEA sent inspectors.", "IAEA", "IGOUNOIAE"),
    ("The Palestinians rejected the plan.", "Palestinians", "PSE"),
    (
        "Sudan's government denied the report.",
        "Sudan's government",
        "SDNGOV",
    ),
    (
        "Iran's foreign ministry condemned the decision.",
        "Iran's foreign ministry",
        "IRNGOV",
    ),
    (
        "Russia's defence ministry said the strikes hit depots.",
        "Russia's defence ministry",
        "RUSGOV",
    ),
    (
        "The Khartoum government denied the report.",
        "The Khartoum government",
        "SDNGOV",
    ),
    (
        "The deal was confirmed by a Jordanian official on Monday.",
        "Jordanian official",
        "JORGOV",
    ),
    (
        "Kurdish rebels attacked a convoy.",
        "Kurdish rebels",
        "KURREB",
    ),
    (
        "Egyptian warships entered the canal.",
        "Egyptian warships",
        "EGYMIL",
    ),
    // A coast guard is a military body (Phoenix agents).
    (
        "China's coast guard said the boat had entered its waters.",
        "China's coast guard",
        "CHNMIL",
    ),
    (
        "Philippine coast guard vessels escorted the boats.",
        "Philippine coast guard",
        "PHLMIL",
    ),
    // A title naming an office without its country takes the country of that office
    // stated just before, not the article's most mentioned country.
    (
        "Russia fired drones at Kyiv. Russia denied it. Russia said more would follow. Iran's foreign ministry condemned the sanctions. Foreign Ministry spokesman Reza Karimi said Tehran would respond.",
        "Reza Karimi",
        "IRNGOV",
    ),
    (
        "Chad closed its border. Chad said the town had fallen. Sudan's embassy denied it. Embassy spokesman Nabil Osman said the town was calm.",
        "Nabil Osman",
        "SDNGOV",
    ),
    // The security office before a title gives the role; the office stated before, the
    // country.
    (
        "Chad closed its border. Chad said the town had fallen. Sudan's army denied it. Army spokesman Nabil Osman said the town was calm.",
        "Nabil Osman",
        "SDNMIL",
    ),
    (
        "Kenya's police arrested six men. Police spokeswoman Ruth Wanjiru said they would be charged.",
        "Ruth Wanjiru",
        "KENCOP",
    ),
    // State bodies named by a common noun after their country (Phoenix agents:
    // ELECTORAL_COMMISSION, CABINET, EMBASSY GOV; INTELLIGENCE_SERVICE SPY; STATE_MEDIA GOVMED).
    (
        "Venezuela's electoral council declared the incumbent the winner.",
        "Venezuela's electoral council",
        "VENGOV",
    ),
    (
        "The Kenyan election commission postponed the count.",
        "The Kenyan election commission",
        "KENGOV",
    ),
    (
        "Nigeria's presidency rejected the report.",
        "Nigeria's presidency",
        "NGAGOV",
    ),
    (
        "South Korea's presidential office said the talks would resume.",
        "South Korea's presidential office",
        "KORGOV",
    ),
    (
        "Chinese state media reported the launch.",
        "Chinese state media",
        "CHNGOVMED",
    ),
    (
        "Washington along with its allies demanded a ceasefire.",
        "Washington",
        "USAGOV",
    ),
    // A ministry with its owner before a title: the owner's country, not the article's
    // other countries.
    (
        "Turkey sent troops to the border. Syria's foreign ministry spokesman Omar Haddad criticized the move.",
        "Omar Haddad",
        "SYRGOV",
    ),
    (
        "France raised the issue. The Algerian interior ministry spokesman Karim Benali rejected it.",
        "Karim Benali",
        "DZAGOV",
    ),
    (
        "TBILISI (Wire) - Georgia passed the law. Russia's Foreign Ministry spokeswoman Maria Petrova said the West was to blame.",
        "Maria Petrova",
        "RUSGOV",
    ),
    // A title held in an organization that is not a country's gives that organization.
    (
        "AU envoy Thabo Nkosi arrived in Khartoum on Monday.",
        "Thabo Nkosi",
        "IGOAFRAFU",
    ),
    (
        "Ethiopia's army fought the TPLF for a year. The TPLF's spokesman Kidane Haile denied the report.",
        "Kidane Haile",
        "ETHREB",
    ),
    // A role of one country's politics without a country of its own: the article's
    // dominant country, counting groups of that country ("Bolivian police") too.
    (
        "Bolivian police arrested dozens in La Paz. Bolivia's electoral court delayed the count. Peru and Chile voiced concern. Opposition leader Carla Rojas called for a recount.",
        "Carla Rojas",
        "BOLOPP",
    ),
    // A person without a title after a role noun of the agents dictionary: its role, with
    // the nationality before it or the article's country.
    (
        "A court in Belarus jailed opposition politician Pavel Sevruk for six years.",
        "Pavel Sevruk",
        "BLRPTY",
    ),
    (
        "Police in Minsk detained the activist Olga Karpenko. Belarus denied holding her.",
        "Olga Karpenko",
        "BLROPP",
    ),
    (
        "The film stars Irish actor Sean Dillane and was shot in Canada.",
        "Sean Dillane",
        "IRLELI",
    ),
    // The role noun in apposition: "X, a Colombian lawyer, said".
    (
        "Lucia Ferreira, a Brazilian lawyer, said the trial was unfair.",
        "Lucia Ferreira",
        "BRAJUD",
    ),
    // A title in an international body beats the nationality of an apposition.
    (
        "UN mediator Karl Dahl, a Danish diplomat, met both sides in Juba.",
        "Karl Dahl",
        "IGOUNO",
    ),
    // An article naming no country but a capital acting: that capital's country.
    (
        "Ankara criticized the bill. Kemal Aydin, a spokesman for the ruling party, defended it.",
        "Kemal Aydin",
        "TURGOV",
    ),
    // What the text says around an untitled name: its affiliation after "of", a possessive
    // country before it.
    (
        "Andrei Rusu of the African Union said the vote was rigged.",
        "Andrei Rusu",
        "IGOAFRAFU",
    ),
    (
        "Andrei Rusu of Moldova's opposition said the vote was rigged.",
        "Andrei Rusu",
        "MDAOPP",
    ),
    (
        "Moldova's Andrei Rusu said the vote was rigged.",
        "Andrei Rusu",
        "MDA",
    ),
    // A lone surname the dictionaries list, as a sentence's subject.
    ("Macron said Europe must rearm.", "Macron", "FRAGOV"),
    // What an untitled person leads, in a relative clause.
    (
        "Andrei Rusu, who leads Moldova's main opposition party, said the vote was rigged.",
        "Andrei Rusu",
        "MDAOPP",
    ),
    (
        "Talks in Nairobi ended. Kenya welcomed them. Peter Otieno, who led the government delegation, said more talks were needed.",
        "Peter Otieno",
        "KENGOV",
    ),
    // A country name two countries share takes the one the rest of the article points to.
    (
        "KINSHASA (Wire) - Congo's government accused Rwanda of backing the rebels. Congolese troops withdrew from Goma.",
        "Congo's government",
        "CODGOV",
    ),
    (
        "BRAZZAVILLE (Wire) - Congo's government raised fuel prices on Monday.",
        "Congo's government",
        "COGGOV",
    ),
];

#[test]
fn actor_codes() {
    for &(text, mention, code) in ACTORS {
        let doc = run(text);
        let d = dump(&doc);
        let e = entity_of(&doc, mention)
            .unwrap_or_else(|| panic!("case {text:?}: no {mention:?}\n{d}"));
        assert_eq!(
            e.actor_code.as_deref(),
            Some(code),
            "case {text:?}: {mention:?}\n{d}"
        );
    }
}

/// (text, place mention, country ISO3, feature, ADM1 ("" = not checked))
const GEO: &[(&str, &str, &str, &str, &str)] = &[
    // A dateline's capital is the place, not the government.
    (
        "MOSCOW (Reuters) - The court jailed a blogger.",
        "MOSCOW",
        "RUS",
        "PPLC",
        "",
    ),
    (
        "Talks were held in Geneva on Monday.",
        "Geneva",
        "CHE",
        "PPL",
        "SZ07",
    ),
    (
        "Provocations from Kiev were feared.",
        "Kiev",
        "UKR",
        "PPLC",
        "UP12",
    ),
    ("Officials met in Kyiv.", "Kyiv", "UKR", "PPLC", "UP12"),
    (
        "The meeting in Washington ended late.",
        "Washington",
        "USA",
        "PPLC",
        "USDC",
    ),
    (
        "Russia wants to exclude Georgia and Ukraine from NATO.",
        "Georgia",
        "GEO",
        "PCLI",
        "",
    ),
    (
        "The governor of Georgia met voters in Atlanta.",
        "Georgia",
        "USA",
        "ADM1",
        "USGA",
    ),
    (
        "Fires spread in Texas and California.",
        "Texas",
        "USA",
        "ADM1",
        "USTX",
    ),
    (
        "He grew up in Moscow and studied there.",
        "Moscow",
        "RUS",
        "PPLC",
        "RS48",
    ),
    (
        "Protests continued in Paris on Saturday.",
        "Paris",
        "FRA",
        "PPLC",
        "",
    ),
    (
        "Fighting was reported near Kharkiv.",
        "Kharkiv",
        "UKR",
        "PPL",
        "",
    ),
    (
        "The convoy left Mariupol at dawn after shelling in Donetsk.",
        "Donetsk",
        "UKR",
        "PPL",
        "",
    ),
    ("Talks in Istanbul resumed.", "Istanbul", "TUR", "PPL", ""),
    ("Ukraine asked for help.", "Ukraine", "UKR", "PCLI", ""),
    (
        "The vote in Switzerland was close.",
        "Switzerland",
        "CHE",
        "PCLI",
        "",
    ),
    (
        "A delegation from Moscow, Idaho visited the farm.",
        "Moscow",
        "USA",
        "PPL",
        "USID",
    ),
    // A city's own name beats a capital that has it only as an old name (Amman was
    // Philadelphia); a capital known by a foreign spelling is still the capital.
    (
        "Police in Philadelphia arrested two men.",
        "Philadelphia",
        "USA",
        "PPL",
        "USPA",
    ),
    (
        "Officials in Kiev denied the report.",
        "Kiev",
        "UKR",
        "PPLC",
        "",
    ),
    ("The summit in Peking ended.", "Peking", "CHN", "PPLC", ""),
    // A gathering held in a city is still there; a title after the city keeps it a place.
    (
        "Leaders met at the Madrid Summit in June.",
        "Madrid",
        "ESP",
        "PPLC",
        "",
    ),
    (
        "The march ended in Washington DC on Sunday.",
        "Washington",
        "USA",
        "PPLC",
        "",
    ),
    (
        "Moscow Mayor Sergei Sobyanin opened the park.",
        "Moscow",
        "RUS",
        "PPLC",
        "",
    ),
];

#[test]
fn places_are_geocoded() {
    for &(text, place, iso3, feature, adm1) in GEO {
        let doc = run(text);
        let d = dump(&doc);
        let e =
            entity_of(&doc, place).unwrap_or_else(|| panic!("case {text:?}: no {place:?}\n{d}"));
        assert_eq!(e.kind, EntityKind::Location, "case {text:?}\n{d}");
        let g = e
            .geo
            .as_ref()
            .unwrap_or_else(|| panic!("case {text:?}: {place:?} not geocoded\n{d}"));
        assert_eq!(g.country_iso3, iso3, "case {text:?}\n{d}");
        assert_eq!(g.feature, feature, "case {text:?}\n{d}");
        if !adm1.is_empty() {
            assert_eq!(g.adm1, adm1, "case {text:?}\n{d}");
        }
    }
}

/// Text where a kind of mention must NOT appear: (text, mention text, forbidden kind)
const NOT: &[(&str, &str, EntityKind)] = &[
    (
        "First Deputy Secretary of State Wendy Sherman spoke.",
        "Secretary of State",
        EntityKind::Organization,
    ),
    (
        "First Deputy Secretary of State Wendy Sherman spoke.",
        "State",
        EntityKind::Organization,
    ),
    (
        "According to Sherman, the talks went well. Wendy Sherman left.",
        "Sherman",
        EntityKind::Location,
    ),
    (
        "The Treaty on Open Skies was discussed.",
        "Treaty on Open Skies",
        EntityKind::Organization,
    ),
    (
        "That is the real question Omid Rahimi Spokesman of the Iranian Foreign Ministry",
        "Foreign",
        EntityKind::Person,
    ),
    (
        "The ministry disagreed. Its spokesman, Omid Rahimi, accused Washington of pressure.",
        "Omid Rahimi",
        EntityKind::Location,
    ),
    (
        "The head of the Canadian delegation, Deputy Minister Claire Fontaine, spoke first.",
        "head",
        EntityKind::Person,
    ),
];

#[test]
fn rule_fixes_of_tagger_errors() {
    for &(text, mention, kind) in NOT {
        let doc = run(text);
        let d = dump(&doc);
        assert!(
            mentions_of(&doc, mention).iter().all(|m| m.kind != kind),
            "case {text:?}: {mention:?} as {kind:?}\n{d}"
        );
    }
}

/// Issue 11, bug 9: a title after a comma that binds forwards ("in Lisbon, President X")
/// names the person after it, not the word before the comma.
#[test]
fn a_forward_title_after_a_comma_is_not_an_apposition() {
    for (text, word, person) in [
        (
            "Last week in Lisbon, President Almeida discussed the contract with bankers.",
            "Lisbon",
            "Almeida",
        ),
        (
            "Veils are a backward view of Buddhism, President Tanaka of Japan has said.",
            "Buddhism",
            "Tanaka",
        ),
    ] {
        let doc = run(text);
        let d = dump(&doc);
        for m in mentions_of(&doc, word) {
            assert_ne!(m.kind, EntityKind::Person, "{word:?} in {text:?}\n{d}");
        }
        let p = mentions_of(&doc, person);
        let p = p.first().unwrap_or_else(|| panic!("no {person:?}\n{d}"));
        assert_eq!(p.kind, EntityKind::Person, "{text:?}\n{d}");
        assert_eq!(doc.slice(p.title.expect("titled")), "President", "{d}");
    }
}

/// (text, article date, person or organization mention, actor code): the dictionaries' code
/// in force on the date; a person they do not know keeps its own title's code, never a
/// neighbouring name's country.
const DICTIONARY_CODES: &[(&str, &str, &str, &str)] = &[
    // A title in the text beats a Phoenix range of a national office left open (Phoenix
    // stops around 2015): the office the article names is the one held now.
    (
        "African Union Commission chairman Moussa Faki Mahamat urged restraint after the vote.",
        "2022-03-01",
        "Moussa Faki Mahamat",
        "IGOAFRAFU",
    ),
    (
        "Opposition leader Uhuru Kenyatta urged calm in Nairobi.",
        "2024-03-01",
        "Uhuru Kenyatta",
        "KENOPP",
    ),
    (
        "Former President Uhuru Kenyatta urged calm in Nairobi.",
        "2024-03-01",
        "Uhuru Kenyatta",
        "KENELI",
    ),
    (
        "Prime Minister Nawaz Sharif arrived in Beijing for talks with Chinese President Xi Jinping.",
        "2015-06-01",
        "Nawaz Sharif",
        "PAKGOV",
    ),
    (
        "Prime Minister Nawaz Sharif arrived in Beijing for talks with Chinese President Xi Jinping.",
        "2015-06-01",
        "Xi Jinping",
        "CHNGOV",
    ),
    (
        "Nawaz Sharif spoke to supporters in Lahore on Friday.",
        "2001-05-04",
        "Nawaz Sharif",
        "PAKELI",
    ),
    (
        "Chinese Foreign Minister Lin Baoqiang met Prime Minister Nawaz Sharif in Islamabad.",
        "2015-06-01",
        "Lin Baoqiang",
        "CHNGOV",
    ),
    // Office holders after 2015 (sitrep's supplement to the Phoenix tables), no title needed.
    (
        "Donald Trump and Kim Jong Un shook hands at a hotel on the island.",
        "2018-06-12",
        "Kim Jong Un",
        "PRKGOV",
    ),
    (
        "Donald Trump and Kim Jong Un shook hands at a hotel on the island.",
        "2018-06-12",
        "Donald Trump",
        "USAGOV",
    ),
    // Out of office: the country's ELI code, even beside a governmental title word.
    (
        "Donald Trump told supporters at a rally in Ohio that he would run again.",
        "2022-04-20",
        "Donald Trump",
        "USAELI",
    ),
    (
        "Angela Merkel said in an interview that she did not miss politics.",
        "2023-02-14",
        "Angela Merkel",
        "DEUELI",
    ),
    (
        "Volodymyr Zelenskyy asked for more air defence systems on Sunday.",
        "2023-05-07",
        "Volodymyr Zelenskyy",
        "UKRGOV",
    ),
    (
        "Antonio Guterres urged both sides to return to the table.",
        "2021-05-12",
        "Antonio Guterres",
        "IGOUNO",
    ),
    // A named group: the dictionary's full code beats the names lexicon's shorter one.
    (
        "Hamas said on Monday that it had accepted the proposal.",
        "2021-05-20",
        "Hamas",
        "PSEREBHMS",
    ),
    (
        "The Islamic State said its fighters had carried out the ambush.",
        "2016-03-01",
        "Islamic State",
        "IMGMUSISI",
    ),
    (
        "The World Bank said growth would slow next year.",
        "2019-01-08",
        "World Bank",
        "IGOUNODEVWBK",
    ),
    // Out of office on a date the supplement records completely: its ELI code beats the code
    // a title would give (here "Former Prime Minister" beside a Chinese name).
    (
        "Former Prime Minister Boris Johnson met Chinese officials in Hong Kong.",
        "2023-06-20",
        "Boris Johnson",
        "GBRELI",
    ),
    // Before 2015 the supplement is no complete record: a title's code stays over its ELI
    // fallback, and Phoenix's older ranges of the same name still count.
    (
        "Senator John Kerry told reporters in Boston that the bill would pass.",
        "2008-05-01",
        "John Kerry",
        "USAGOVLEG",
    ),
    (
        "Israeli opposition leader Naftali Bennett visited the border town.",
        "2010-05-01",
        "Naftali Bennett",
        "ISROPP",
    ),
    // Armed groups of the decade the Phoenix files predate: found by their listed names and
    // coded on the article's date.
    (
        "Houthi rebels fired two missiles at a cargo ship on Sunday.",
        "2024-01-14",
        "Houthi rebels",
        "YEMREB",
    ),
    (
        "The Houthis said the ship had ignored their warnings.",
        "2024-01-14",
        "Houthis",
        "YEMREB",
    ),
    (
        "Fighters of the Wagner Group took control of the airfield.",
        "2022-11-02",
        "Wagner Group",
        "RUSUAF",
    ),
    (
        "The Rapid Support Forces shelled the market in the afternoon.",
        "2023-09-10",
        "Rapid Support Forces",
        "SDNREB",
    ),
    (
        "The Rapid Support Forces guarded the ministry during the ceremony.",
        "2020-09-10",
        "Rapid Support Forces",
        "SDNMIL",
    ),
    (
        "Fighters of the M23 entered the town on Monday.",
        "2025-01-27",
        "M23",
        "CODREB",
    ),
    // A surname with a title the tables list together ("+PRESIDENT_MUSHARRAF",
    // "+GENERAL_MUSHARRAF"; the abbreviation written out): the office holder's dated code,
    // not the title's country guessed from a story set elsewhere.
    (
        "Security papers for President Musharraf's visit were found in a London street, British police said.",
        "2005-02-15",
        "Musharraf",
        "PAKGOV",
    ),
    (
        "Gen Musharraf met British officials in London on Monday, police in London said.",
        "2005-02-15",
        "Musharraf",
        "PAKGOV",
    ),
    // Military titles written without a full stop (British and wire style) bind a name.
    (
        "Police escorted Gen Pervez Musharraf's motorcade through London.",
        "2005-02-15",
        "Pervez Musharraf",
        "PAKGOV",
    ),
    // The names lexicon's own code stays where the dictionary's is not a refinement of it.
    (
        "Human Rights Watch said the detentions were arbitrary.",
        "2019-01-08",
        "Human Rights Watch",
        "NGOHRIHRW",
    ),
];

/// A full name's code reaches the later bare-surname mentions of the same person; a bare
/// surname alone is coded only where the tables list it beside the full name.
const SURNAME_CODES: &[(&str, &str, &str, Option<&str>)] = &[
    (
        "President Donald Trump arrived in Hanoi on Tuesday. Trump said the summit would be productive.",
        "2019-02-26",
        "Trump",
        Some("USAGOV"),
    ),
    (
        "On Thursday, Macron said France would send more aid to Lebanon.",
        "2020-08-06",
        "Macron",
        Some("FRAGOV"),
    ),
    (
        "On Thursday, Johnson said the plan would be published next week.",
        "2020-08-06",
        "Johnson",
        None,
    ),
];

#[test]
fn dictionary_codes_by_date() {
    for &(text, date, mention, code) in DICTIONARY_CODES {
        let doc = run_dated(text, date);
        let d = dump(&doc);
        let e = entity_of(&doc, mention)
            .unwrap_or_else(|| panic!("case {text:?}: no {mention:?}\n{d}"));
        assert_eq!(
            e.actor_code.as_deref(),
            Some(code),
            "case {text:?} on {date}: {mention:?}\n{d}"
        );
    }
}

/// (text, person, code) in an article without a date: an untitled person the tables know
/// takes the office they record (still held, else the last one held), not the undated code;
/// a title without a country of its own gives the role, the tables the country.
const UNDATED_CODES: &[(&str, &str, &str)] = &[
    ("Tony Blair said the budget would be balanced.", "Tony Blair", "GBRGOV"),
    ("Vladimir Putin met Angela Merkel in Moscow.", "Angela Merkel", "DEUGOV"),
    (
        "Former President Bill Clinton said the talks should resume.",
        "Bill Clinton",
        "USAELI",
    ),
    (
        "Security papers for President Musharraf's visit were found in a London street, British police said.",
        "Musharraf",
        "PAKGOV",
    ),
];

#[test]
fn undated_articles_take_the_office_the_tables_record() {
    for &(text, mention, code) in UNDATED_CODES {
        let doc = run(text);
        let d = dump(&doc);
        let e = entity_of(&doc, mention)
            .unwrap_or_else(|| panic!("case {text:?}: no {mention:?}\n{d}"));
        assert_eq!(e.actor_code.as_deref(), Some(code), "case {text:?}\n{d}");
    }
}

/// A title before a company-name word or a lone capital letter binds no one: no person there.
const TITLES_WITHOUT_PERSON: &[&str] = &[
    "General Motors has warned that it expects earnings this year to be lower.",
    "Shares in General Electric fell after the results.",
    "President Hotels said it would open a new resort.",
    "Gen Z protesters stormed parliament in Nairobi on Tuesday.",
];

#[test]
fn titles_before_company_words_or_letters_bind_no_one() {
    for &text in TITLES_WITHOUT_PERSON {
        let doc = run_dated(text, "2024-06-25");
        let d = dump(&doc);
        assert!(
            !doc.entities.iter().any(|e| e.kind == EntityKind::Person),
            "case {text:?}: a person\n{d}"
        );
    }
}

#[test]
fn surnames_take_the_code_of_their_person() {
    for &(text, date, mention, code) in SURNAME_CODES {
        let doc = run_dated(text, date);
        let d = dump(&doc);
        let ms = mentions_of(&doc, mention);
        let m = ms
            .last()
            .unwrap_or_else(|| panic!("case {text:?}: no {mention:?}\n{d}"));
        let e = doc.entity(m.entity.expect("resolved"));
        assert_eq!(e.actor_code.as_deref(), code, "case {text:?}\n{d}");
    }
}

/// Role nouns before a name that do not make a person's role: institutions ("the daily X",
/// "the conglomerate X") and ranks of sport as much as of armies ("England captain X").
#[test]
fn institution_and_sport_nouns_give_no_person_role() {
    let doc = run("The stake was bought by the Russian conglomerate Sistema Holdings last year.");
    let d = dump(&doc);
    let e =
        entity_of(&doc, "Sistema Holdings").unwrap_or_else(|| panic!("no Sistema Holdings\n{d}"));
    assert_eq!(
        e.kind,
        sitrep_doc::EntityKind::Organization,
        "a conglomerate's name is no person\n{d}"
    );
    let doc = run("England captain Tom Harding said the team was ready for France.");
    let d = dump(&doc);
    let e = entity_of(&doc, "Tom Harding").unwrap_or_else(|| panic!("no Tom Harding\n{d}"));
    assert!(
        !e.actor_code.as_deref().unwrap_or("").ends_with("MIL"),
        "a team captain is not military\n{d}"
    );
}

/// A title in apposition to a name that took another title is that person's, not a second
/// person ("UN mediator X, a Danish diplomat,").
#[test]
fn an_apposition_title_is_no_second_person() {
    let doc = run("UN mediator Karl Dahl, a Danish diplomat, met both sides in Juba.");
    let d = dump(&doc);
    let persons = doc
        .entities
        .iter()
        .filter(|e| e.kind == sitrep_doc::EntityKind::Person)
        .count();
    assert_eq!(persons, 1, "one person\n{d}");
}

/// "pro-Russian separatists" support Russia; they are not Russian: the word after "pro-" or
/// "anti-" gives a group no country.
#[test]
fn an_alignment_is_no_nationality() {
    const CASES: &[(&str, &str)] = &[
        (
            "Ukraine accused pro-Russian separatists of shelling the town.",
            "separatists",
        ),
        (
            "Anti-Western militias attacked the convoy near the border.",
            "militias",
        ),
        (
            "The pro-Iranian rebels seized the port on Sunday.",
            "rebels",
        ),
    ];
    for &(text, noun) in CASES {
        let doc = run(text);
        let d = dump(&doc);
        let codes = doc
            .mentions
            .iter()
            .filter(|m| doc.slice(m.span).contains(noun))
            .filter_map(|m| m.entity)
            .filter_map(|e| doc.entity(e).actor_code.as_deref());
        for code in codes {
            for country in ["RUS", "WST", "IRN"] {
                assert!(!code.starts_with(country), "case {text:?}: {code}\n{d}");
            }
        }
    }
    // A nationality without the prefix is one.
    let doc = run("Russian separatists shelled the town.");
    let e = entity_of(&doc, "Russian separatists").expect("a group");
    assert_eq!(e.actor_code.as_deref(), Some("RUSSEP"));
}

/// A capital is its government when it acts ("Moscow rejected"), not as the first part of a
/// hyphenated modifier ("the Paris-based group") or of a longer name ("Lima Group
/// ministers", "Paris Club creditors").
#[test]
fn a_capital_inside_a_modifier_or_a_longer_name_is_no_government() {
    const CASES: &[(&str, &str)] = &[
        (
            "The Paris-based press-freedom group accused Egypt of jailing reporters.",
            "FRAGOV",
        ),
        (
            "Reporters Without Borders, a Paris-based group, accused Egypt.",
            "FRAGOV",
        ),
        (
            "The London-based monitoring group said 20 people died.",
            "GBRGOV",
        ),
        ("Lima Group ministers condemned Venezuela.", "PERGOV"),
        ("Paris Club creditors agreed to cut the debt.", "FRAGOV"),
    ];
    for &(text, code) in CASES {
        let doc = run(text);
        let d = dump(&doc);
        assert!(
            doc.entities
                .iter()
                .all(|e| e.actor_code.as_deref() != Some(code)),
            "case {text:?}: {code}\n{d}"
        );
    }
    for (text, capital, code) in [
        ("Moscow on Monday rejected the plan.", "Moscow", "RUSGOV"),
        ("Talks with Tehran resumed.", "Tehran", "IRNGOV"),
    ] {
        let doc = run(text);
        let d = dump(&doc);
        let e = entity_of(&doc, capital).unwrap_or_else(|| panic!("{text:?}\n{d}"));
        assert_eq!(e.actor_code.as_deref(), Some(code), "{text:?}\n{d}");
    }
}

/// A city's name opening a longer proper name is neither the place nor its government: the
/// events stage must not read a country from "Lima Group ministers".
#[test]
fn a_city_opening_a_longer_name_is_no_place() {
    for (text, city) in [
        ("Lima Group ministers condemned Venezuela.", "Lima"),
        ("Talks with the Lima Group ended.", "Lima"),
        ("Officials of the Minsk Group met on Friday.", "Minsk"),
        ("Paris Club creditors agreed to cut the debt.", "Paris"),
        (
            "Both sides accused each other of breaking the Geneva Conventions.",
            "Geneva",
        ),
    ] {
        let doc = run(text);
        let d = dump(&doc);
        assert!(
            mentions_of(&doc, city).iter().all(|m| m.entity.is_none()),
            "case {text:?}: {city}\n{d}"
        );
    }
}

/// Where a group is based and who backs it are neither the group nor an actor of the
/// sentence: no mention for "Paris" in "the Paris-based group" or "Iran" in "Iran-backed
/// militias"; a coalition a country leads keeps the country.
#[test]
fn a_base_or_a_backer_in_a_compound_modifier_is_no_mention() {
    for (text, word) in [
        (
            "The Paris-based press-freedom group accused Egypt.",
            "Paris",
        ),
        ("Iran-backed militias attacked the base.", "Iran"),
        ("A London-born banker was arrested.", "London"),
        ("The US-funded radio station was closed.", "US"),
    ] {
        let doc = run(text);
        let d = dump(&doc);
        assert!(
            mentions_of(&doc, word).iter().all(|m| m.entity.is_none()),
            "case {text:?}: {word}\n{d}"
        );
    }
    let doc = run("The Saudi-led coalition struck the port.");
    assert!(
        doc.entities
            .iter()
            .any(|e| e.actor_code.as_deref() == Some("SAU")),
        "{}",
        dump(&doc)
    );
}

/// A security noun that ends a capitalised name is no office: the spokesman of the
/// "Salvation Army" is no soldier.
#[test]
fn an_office_noun_inside_a_name_gives_no_role() {
    let doc = run(
        "Church groups welcomed the limit. Salvation Army spokesman Tom Baxter said the limit was wise.",
    );
    let e = entity_of(&doc, "Tom Baxter").expect("Tom Baxter");
    assert!(
        !e.actor_code.as_deref().unwrap_or("").ends_with("MIL"),
        "{:?}",
        e.actor_code
    );
}
