//! Table of quotation cases: mark styles, nesting, paragraphs, block layout, cue
//! positions, speakers. All fixtures are written for these tests.

use sitrep_doc::{assert_span, Document, Meta, Quote, QuoteKind, Stage};
use sitrep_quotes::QuotesConfig;

use QuoteKind::{Direct, Indirect, Mixed};

/// (case name, article text, expected quote text, kind, speaker text, cue text)
type Case = (
    &'static str,
    &'static str,
    &'static str,
    QuoteKind,
    Option<&'static str>,
    Option<&'static str>,
);

const CASES: &[Case] = &[
    // Mark styles.
    ("curly double", "“We will not back down,” the minister said.", "“We will not back down,”", Direct, Some("the minister"), Some("said")),
    ("straight double", "\"We will not back down,\" Olga Petrova said.", "\"We will not back down,\"", Direct, Some("Olga Petrova"), Some("said")),
    ("curly single", "‘Talks are over for now,’ said Marcus Lee.", "‘Talks are over for now,’", Direct, Some("Marcus Lee"), Some("said")),
    ("straight single", "'Talks are over for now,' said Marcus Lee.", "'Talks are over for now,'", Direct, Some("Marcus Lee"), Some("said")),
    ("guillemets", "« Nous sommes prêts à discuter », a déclaré le ministre. Anna Roy said: « We are ready to talk today. »", "« We are ready to talk today. »", Direct, Some("Anna Roy"), Some("said")),
    ("low-high marks", "Klaus Weber said: „The border stays open for trade.“", "„The border stays open for trade.“", Direct, Some("Klaus Weber"), Some("said")),
    // Issue 11: a cue far after a comma-closed quote kept the quote without its `,"`.
    ("comma-closed quote, long speaker phrase", "Sales rose 6%. \"Our results were strong, meeting all of our targets and greatly improving our position,\" chairman and chief executive Hugo Brandt said.", "\"Our results were strong, meeting all of our targets and greatly improving our position,\"", Direct, Some("Hugo Brandt"), Some("said")),
    ("doubled apostrophes", "''The deal is dead,'' Senator Hale told reporters.", "''The deal is dead,''", Direct, Some("Senator Hale"), Some("told")),
    // Nesting.
    ("nested single in double", "“They told us ‘no deal’ and walked out,” said Ivan Orlov.", "“They told us ‘no deal’ and walked out,”", Direct, Some("Ivan Orlov"), Some("said")),
    ("nested double in single", "‘He called it “a historic day” for us,’ Mary Cole said.", "‘He called it “a historic day” for us,’", Direct, Some("Mary Cole"), Some("said")),
    ("apostrophes inside quote", "“It’s the voters’ choice and we don’t decide it,” she said.", "“It’s the voters’ choice and we don’t decide it,”", Direct, Some("she"), Some("said")),
    // Paragraphs and unbalanced marks.
    (
        "multi-paragraph quote",
        "Lena Park spoke for an hour.\n\n“We came to listen. We heard little.\n\n“We will come back next week anyway,” she said.",
        "“We came to listen. We heard little.\n\n“We will come back next week anyway,”",
        Direct,
        Some("she"),
        Some("said"),
    ),
    (
        "unbalanced mark capped at paragraph end",
        "Tom Reyes said: “The ceasefire holds for now and we hope it lasts\n\nOther news followed today. Nothing else happened.",
        "“The ceasefire holds for now and we hope it lasts",
        Direct,
        Some("Tom Reyes"),
        Some("said"),
    ),
    // The cue's subject, not a neighbouring phrase.
    ("object of a preposition is not the subject", "Officials who spoke with The Daily Ledger said the plant would close in May.", "the plant would close in May", Indirect, Some("Officials"), Some("said")),
    ("progressive cue after an apposition", "Ted Lowe, who won Ohio and his home state of Kansas, is calling for a recount of the ballots.", "a recount of the ballots", Indirect, Some("Ted Lowe"), Some("calling")),
    ("participle after an object", "Mara Quist unleashed a stream of posts on Friday saying that the vote had been rigged.", "the vote had been rigged", Indirect, Some("Mara Quist"), Some("saying")),
    ("blame takes its object as content", "Prime Minister Lena Ostrova blamed the opposition for the unrest in the capital.", "the opposition for the unrest in the capital", Indirect, Some("Prime Minister Lena Ostrova"), Some("blamed")),
    ("long before the cue", "Farmers have long argued that the tariffs hurt their exports.", "the tariffs hurt their exports", Indirect, Some("Farmers"), Some("argued")),
    ("floating quantifier", "Ilse Varga and Tomas Brook both denounced the plan as reckless and costly.", "the plan as reckless and costly", Indirect, Some("Ilse Varga and Tomas Brook"), Some("denounced")),
    (
        "inanimate subject continues the previous report",
        "Viktor Sallo spoke after the talks. According to him, no progress was made on the border. At the same time, the question of guarantees drew “serious objections” from the other side.",
        "At the same time, the question of guarantees drew “serious objections” from the other side",
        Mixed,
        Some("him"),
        None,
    ),
    ("absolute phrase keeps its own subject", "Lena Holm gained ground, with 40 percent of voters saying they trust her more.", "they trust her more", Indirect, Some("voters"), Some("saying")),
    ("participle after a name in a prepositional phrase", "The crowd watched the spectacle of Mr. Varga denouncing the new budget plan.", "the new budget plan", Indirect, Some("Mr. Varga"), Some("denouncing")),
    ("role of a possessor, then the name", "Navon's lawyer, Olga Mikhailova, said the verdict would be appealed.", "the verdict would be appealed", Indirect, Some("Olga Mikhailova"), Some("said")),
    ("told an outlet after the quote", "“The count was rushed,” the analyst Maria Ortiz told Reuters.", "“The count was rushed,”", Direct, Some("Maria Ortiz"), Some("told")),
    // Cue positions.
    ("cue before with colon", "The spokesman said: “Our position has not changed at all.”", "“Our position has not changed at all.”", Direct, Some("The spokesman"), Some("said")),
    ("cue before with comma", "Then Amir Haddad added, “Nobody wants a long war here.”", "“Nobody wants a long war here.”", Direct, Some("Amir Haddad"), Some("added")),
    ("inverted said-name", "“The sanctions will bite hard,” said Julia Brandt, an economist at the institute.", "“The sanctions will bite hard,”", Direct, Some("Julia Brandt"), Some("said")),
    ("pronoun after quote", "“We need to see real actions on both sides,” she concluded.", "“We need to see real actions on both sides,”", Direct, Some("she"), Some("concluded")),
    ("stressed pronoun", "“The concerns remain and they are serious,” he stressed.", "“The concerns remain and they are serious,”", Direct, Some("he"), Some("stressed")),
    ("apposition after quote", "“It was a long night,” Peter Novak, a senior negotiator, told reporters.", "“It was a long night,”", Direct, Some("Peter Novak"), Some("told")),
    ("according to after quote", "“The vote will be close,” according to Maria Lopez.", "“The vote will be close,”", Direct, Some("Maria Lopez"), Some("according to")),
    ("short quote with comma cue", "“Never,” the general replied.", "“Never,”", Direct, Some("the general"), Some("replied")),
    ("unknown verb after quote", "“Go back to your seat,” Trent Walsh barked at the reporter.", "“Go back to your seat,”", Direct, Some("Trent Walsh"), Some("barked")),
    (
        "split quote merged",
        "“We made progress,” Ana Silva said. “But the hardest issues remain open.”",
        "“We made progress,” Ana Silva said. “But the hardest issues remain open.”",
        Direct,
        Some("Ana Silva"),
        Some("said"),
    ),
    // Indirect speech.
    ("said that", "Also, Ryan Cole said that the two sides had failed to agree on the border.", "the two sides had failed to agree on the border", Indirect, Some("Ryan Cole"), Some("said")),
    ("said without that", "The mayor said the bridge would reopen in May.", "the bridge would reopen in May", Indirect, Some("The mayor"), Some("said")),
    ("modal adverbs", "Ortiz has repeatedly argued that the tax is unfair to farmers.", "the tax is unfair to farmers", Indirect, Some("Ortiz"), Some("argued")),
    ("'yet' between auxiliary and cue", "The regional council has not yet announced that the ferry will resume.", "the ferry will resume", Indirect, Some("The regional council"), Some("announced")),
    ("told addressee", "Karen Wu told reporters the plan would cost billions.", "the plan would cost billions", Indirect, Some("Karen Wu"), Some("told")),
    ("told addressee that", "Karen Wu told a crowd in Denver that she was not giving up.", "she was not giving up", Indirect, Some("Karen Wu"), Some("told")),
    ("in a statement that", "The ministry said in a statement that the talks would resume on Friday.", "the talks would resume on Friday", Indirect, Some("The ministry"), Some("said")),
    ("end cue", "The talks will resume next week, the official said.", "The talks will resume next week", Indirect, Some("the official"), Some("said")),
    ("end cue with time", "Prices will keep rising through the winter, Ellen Marsh said on Monday.", "Prices will keep rising through the winter", Indirect, Some("Ellen Marsh"), Some("said")),
    ("inverted end cue", "The plant will close by the end of the year, said Hugo Brandt.", "The plant will close by the end of the year", Indirect, Some("Hugo Brandt"), Some("said")),
    ("parenthetical", "The good news, Carla Diaz said, is that nobody was hurt in the blast.", "The good news, Carla Diaz said, is that nobody was hurt in the blast", Indirect, Some("Carla Diaz"), Some("said")),
    ("according to first", "According to the deputy minister, the meeting was difficult and long.", "the meeting was difficult and long", Indirect, Some("the deputy minister"), Some("According to")),
    ("according to pronoun", "According to him, no progress has been made on the issue.", "no progress has been made on the issue", Indirect, Some("him"), Some("According to")),
    ("according to last", "The army lost two tanks, according to local officials.", "The army lost two tanks", Indirect, Some("local officials"), Some("according to")),
    ("pronoun speaker", "She added that the United States knows such talks take time.", "the United States knows such talks take time", Indirect, Some("She"), Some("added")),
    ("apposition subject", "Frank Dole, a farmer from Ohio, said it took him months to find a buyer.", "it took him months to find a buyer", Indirect, Some("Frank Dole"), Some("said")),
    // The relative pronoun is the mention next to the cue (PolNeAR marks it); the names
    // layer binds it to the antecedent's entity.
    ("relative who", "He met Rosa Kim, who said the schools were overcrowded.", "the schools were overcrowded", Indirect, Some("who"), Some("said")),
    (
        "announced this",
        "Washington wanted to continue the talks in Geneva. Spokesman Ned Harlow announced this at a briefing.",
        "Washington wanted to continue the talks in Geneva",
        Indirect,
        Some("Spokesman Ned Harlow"),
        Some("announced"),
    ),
    ("participle inherits subject", "Lopez praised the deal, saying it would create jobs in the region.", "it would create jobs in the region", Indirect, Some("Lopez"), Some("saying")),
    ("coordinated cue", "Baker criticized the budget and said the cuts would hurt schools.", "the cuts would hurt schools", Indirect, Some("Baker"), Some("said")),
    ("belief cue", "Analysts believe the central bank will raise rates again.", "the central bank will raise rates again", Indirect, Some("Analysts"), Some("believe")),
    ("object cue", "Marsh criticized the governor's handling of the floods.", "the governor's handling of the floods", Indirect, Some("Marsh"), Some("criticized")),
    // Mixed.
    ("mixed that clause", "She noted that there is still a “long way to go” in the talks.", "there is still a “long way to go” in the talks", Mixed, Some("She"), Some("noted")),
    ("mixed called", "Graves called the proposal “a cynical trick” on Tuesday.", "the proposal “a cynical trick” on Tuesday", Mixed, Some("Graves"), Some("called")),
    ("mixed quote in clause", "Donald Hart told reporters he thought the story was “made up.”", "he thought the story was “made up.”", Mixed, Some("Donald Hart"), Some("told")),
    // Block layout.
    (
        "block quote bare attribution",
        "The talks were long.\n\nThe conversation was difficult and very professional without any embellishment Sergey Ivanov Deputy Foreign Minister of Russia\n\nLater news.",
        "The conversation was difficult and very professional without any embellishment",
        Direct,
        Some("Sergey Ivanov"),
        None,
    ),
    (
        "block quote lowercase title",
        "We are ready to continue discussions on the issues we outlined today. Ned Harlow State Department spokesman",
        "We are ready to continue discussions on the issues we outlined today.",
        Direct,
        Some("Ned Harlow"),
        None,
    ),
    (
        "block quote after capitalised words",
        "Negotiations like these cannot end in days or even in weeks with the United States Wendy Shaw First Under Secretary of State",
        "Negotiations like these cannot end in days or even in weeks with the United States",
        Direct,
        Some("Wendy Shaw"),
        None,
    ),
    (
        "colon paragraph",
        "In a speech last July, Perry said:\n\nLet no one be mistaken, this candidacy is a cancer on our movement.\n\nHe left soon after.",
        "Let no one be mistaken, this candidacy is a cancer on our movement.",
        Direct,
        Some("Perry"),
        Some("said"),
    ),
    // Speakers from context.
    (
        "speaker from previous sentence",
        "Hannah Wolf spoke to the crowd for an hour in the rain.\n\n“We will be back, and we will win next time.”",
        "“We will be back, and we will win next time.”",
        Direct,
        Some("Hannah Wolf"),
        None,
    ),
    (
        "speaker from previous attribution",
        "“Nobody expected this result,” Omar Said told the radio station.\n\n“Everyone will have to think again about the plan.”",
        "“Everyone will have to think again about the plan.”",
        Direct,
        Some("Omar Said"),
        None,
    ),
    ("title and name speaker", "First Deputy Secretary of State Wendy Shaw, in turn, said that the sides set no deadline.", "the sides set no deadline", Indirect, Some("First Deputy Secretary of State Wendy Shaw"), Some("said")),
    ("long title speaker", "Also, the First Under Secretary of State of the United States clarified that sanctions would follow.", "sanctions would follow", Indirect, Some("First Under Secretary of State of the United States"), Some("clarified")),
    ("headline colon", "Reid: Never underestimate the other side in this race.\n\nMore text follows here today.", "Never underestimate the other side in this race", Indirect, Some("Reid"), Some(":")),
    ("poll as source", "In a new CNN poll, 40 percent of voters backed the governor.", "40 percent of voters backed the governor", Indirect, Some("a new CNN poll"), Some("In")),
    ("evidential", "Enthusiasm for the senator appears to have faded since the spring.", "Enthusiasm for the senator appears to have faded since the spring", Indirect, None, Some("appears")),
    ("when asked", "Lee smiled when asked whether she would run again next year.", "whether she would run again next year", Indirect, None, Some("asked")),
    ("embedded scare quote", "Cruz finds the group “abhorrent” and its methods cruel.", "Cruz finds the group “abhorrent” and its methods cruel", Mixed, Some("Cruz"), None),
    ("relative clause", "They oppose a rule change that he said would reopen the fight.", "that he said would reopen the fight", Indirect, Some("he"), Some("said")),
    ("quantifier subject", "Most voters were worried; most said they were “very worried” about jobs.", "they were “very worried” about jobs", Mixed, Some("most"), Some("said")),
    ("short quote ending clause", "The plan may be “strategic,” said Jeff Holm, a professor.", "The plan may be “strategic,”", Mixed, Some("Jeff Holm"), Some("said")),
    ("preposition object", "The nominee complained about his microphone after the debate.", "his microphone after the debate", Indirect, Some("The nominee"), Some("complained")),
    // Issue 13: an interview or a statement is somebody's words; the clause names whose.
    ("interview as the setting", "In a long interview with a local radio station, Marlow recounted the talks over the fishing quota.", "Marlow recounted the talks over the fishing quota", Indirect, Some("Marlow"), Some("In")),
    ("statement as the object", "The Harbour Council issued a statement saying that the port would stay open for the winter.", "the port would stay open for the winter", Indirect, Some("Harbour Council"), Some("saying")),
    ("time phrase before the subject", "Eight years ago, he backed the mayor and said that the plan was sound.", "the plan was sound", Indirect, Some("he"), Some("said")),
    ("headline-like name with Mr.", "Mr. Oakes said the company would appeal the ruling.", "the company would appeal the ruling", Indirect, Some("Mr. Oakes"), Some("said")),
    // Issue 13: stance and speech verbs of the CAMEO classes (criticize, praise, appeal).
    ("condemnation verb", "The fishermen's union condemned the new quota for the northern bay.", "the new quota for the northern bay", Indirect, Some("The fishermen's union"), Some("condemned")),
    ("praise verb", "Governor Alma Ruiz lauded the volunteers who rebuilt the bridge.", "the volunteers who rebuilt the bridge", Indirect, Some("Governor Alma Ruiz"), Some("lauded")),
    ("statement verb", "The mayor reiterated that the library would stay open on Sundays.", "the library would stay open on Sundays", Indirect, Some("The mayor"), Some("reiterated")),
    // Openers are no subjects: a verb and a time phrase before the comma are the clause itself.
    ("time phrase after the verb", "Marlow spoke on Saturday, saying that the quota would be cut in the spring.", "the quota would be cut in the spring", Indirect, Some("Marlow"), Some("saying")),
    ("sentence adverb opener", "Ultimately, Mr. Oakes ignored the board and refused to sign the harbour lease.", "to sign the harbour lease", Indirect, Some("Mr. Oakes"), Some("refused")),
    ("time phrase before an apposition", "Last week, the port director, Ana Lind, recommended that the ferry stop at night.", "the ferry stop at night", Indirect, Some("Ana Lind"), Some("recommended")),
    ("as X put it", "Or, as Tom Reyes, a former port director, put it: “The ships are not coming back.”", "“The ships are not coming back.”", Direct, Some("Tom Reyes"), Some("put it")),
    ("manner of speaking", "“Not one more delay!” growled Anja Holm, the union leader.", "“Not one more delay!”", Direct, Some("Anja Holm"), Some("growled")),
    ("lowercase role renamed by a name", "And a third delegate, Daniel Marsh, said that he was only leaning toward the mayor.", "he was only leaning toward the mayor", Indirect, Some("Daniel Marsh"), Some("said")),
    ("poll as the source of its figures", "In a survey by the harbour board, 28 percent of fishermen said they expected a bad season.", "they expected a bad season", Indirect, Some("a survey"), Some("said")),
    // Evidentials: no source, unless the subject speaks or believes or the sentence names whom it seemed so to.
    ("evidential without source", "Support for the harbour plan appears to have collapsed over the summer.", "Support for the harbour plan appears to have collapsed over the summer", Indirect, None, Some("appears")),
    ("evidential with an embedded cue", "In the spring, Marlow seemed to urge a softer line on the quota.", "a softer line on the quota", Indirect, Some("Marlow"), Some("seemed")),
    ("evidential stance", "Before the vote, Marlow seemed hopeful that the council would back the ferry plan.", "the council would back the ferry plan", Indirect, Some("Marlow"), Some("seemed")),
    ("evidential experiencer", "The risk of a strike seemed remote to them after the talks.", "The risk of a strike seemed remote to them after the talks", Indirect, Some("them"), Some("seemed")),
    ("adverbial phrase before a coordinated cue", "The clerk first denied the deletions but in a later interview said he had erased the archive.", "he had erased the archive", Indirect, Some("The clerk"), Some("said")),
    ("bare infinitive after a catenative verb", "Marlow went on to explain how the quota cuts had hurt the small boats.", "how the quota cuts had hurt the small boats", Indirect, Some("Marlow"), Some("explain")),
    // A cue whose pronoun subject opens another speaker's reported clause: the outer speaker.
    ("pronoun subject inside a report", "Senator Hale said he wants “a full review of the harbour contracts before the vote.”", "“a full review of the harbour contracts before the vote.”", Direct, Some("Senator Hale"), Some("wants")),
    // A medium that names its author speaks; the verb handling it does not make its subject the speaker.
    ("medium naming its author", "Norway blocked a Nordic Council statement condemning the fishing ban.", "the fishing ban", Indirect, Some("a Nordic Council statement"), Some("condemning")),    // Inverted order: a given name that is also a modal, and a phrase opened by "one".
    ("inverted speaker named Will", "“The fees rose faster than wages,” said Will Marsh, a lecturer in economics.", "“The fees rose faster than wages,”", Direct, Some("Will Marsh"), Some("said")),
    ("inverted speaker opened by one", "“Nobody asked us about the quay,” said one harbour worker.", "“Nobody asked us about the quay,”", Direct, Some("one harbour worker"), Some("said")),
    // A parenthetical between dashes (two hyphens or a dash) stands between the subject and its cue.
    ("subject before a double-hyphen parenthetical", "The judge -- who had been under fire from both parties for days -- said she regretted her remarks.", "she regretted her remarks", Indirect, Some("The judge"), Some("said")),
    ("subject before an em-dash parenthetical", "The harbour master — who had run the port for twenty years — said the quay would close in May.", "the quay would close in May", Indirect, Some("The harbour master"), Some("said")),
    // An expletive "There’s" is no subject: the participle's speaker is the clause's person.
    // A medium adjunct after a final cue is where the words appeared, not what was said.
    ("medium adjunct after a final cue", "The two crews agreed to share the quay until May, the harbour boards said in a joint statement.", "The two crews agreed to share the quay until May", Indirect, Some("the harbour boards"), Some("said")),
    ("medium adjunct with a time after a final cue", "The ferry will stop running in winter, the company said on its website on Friday.", "The ferry will stop running in winter", Indirect, Some("the company"), Some("said")),
    ("medium adjunct before that-content", "The minister said in an interview that the quay would reopen in May.", "the quay would reopen in May", Indirect, Some("The minister"), Some("said")),
    ("called on X to: an appeal", "The minister called on Kenya to release the detainees.", "Kenya to release the detainees", Indirect, Some("The minister"), Some("called")),
    ("called X with a quoted label", "The senator called the plan “a disaster for working families”.", "the plan “a disaster for working families”", Mixed, Some("The senator"), Some("called")),
    ("expletive there before a participle", "There’s still time for Marlow to mend ties with the board, even after repeatedly calling its chairman “a coward” in public.", "its chairman “a coward” in public", Mixed, Some("Marlow"), Some("calling")),
    // A participle's subject when the clause opens with adverbials or the participle follows one.
    ("several openers before the subject of a participle", "At a rally in Dover, Del., on Tuesday, Senator Paul Ames endorsed the mayor, saying that she would make an outstanding governor.", "she would make an outstanding governor", Indirect, Some("Senator Paul Ames"), Some("saying")),
    ("a time phrase and a place before the subject of a participle", "The day before, at a fair in Tulsa, Okla., Tomas Berger was just as blunt, claiming that the count had been rigged.", "the count had been rigged", Indirect, Some("Tomas Berger"), Some("claiming")),
    ("a participle in the opening adverbial: the main clause's subject", "Since announcing in May that he would not run again, Pavel Orlov has campaigned for his deputy.", "he would not run again", Indirect, Some("Pavel Orlov"), Some("announcing")),
    ("a participle after a time phrase and a subordinator", "Eight years after backing the old mayor, the investor Maria Ortiz is sizing up the field again.", "the old mayor", Indirect, Some("the investor Maria Ortiz"), Some("backing")),
    ("a participle after a time adjunct", "Maria Ortiz has feuded with the council for months, at one point calling its members cowards.", "its members cowards", Indirect, Some("Maria Ortiz"), Some("calling")),
    ("a bare plural subject after openers", "At the last hearing, on Monday, farmers talked their way out of the fines by saying that the quota had been misprinted.", "the quota had been misprinted", Indirect, Some("farmers"), Some("saying")),
    // A coordinated clause with its own subject and cue ends the content of the first cue.
    ("content ends before ', but X cue'", "The board declared Ilse Varga the winner of the vote, but the losing party rejected the count as rigged.", "Ilse Varga the winner of the vote", Indirect, Some("The board"), Some("declared")),
    ("the poll after the content is no main clause", "Sixty percent of residents said they opposed the ferry plan in a harbour board survey this month.", "they opposed the ferry plan in a harbour board survey this month", Indirect, Some("a harbour board survey"), Some("said")),
    ("a former office in apposition renames the role", "The head of the mission, former Slovak Foreign Minister Jan Hruby, said voting had started late.", "voting had started late", Indirect, Some("Slovak Foreign Minister Jan Hruby"), Some("said")),
    ("'according to' inside a clause set off by commas vouches for that clause", "Opposition leader Tomas Berger, who took 44 percent according to the commission, said his party had evidence of fraud.", "who took 44 percent", Indirect, Some("the commission"), Some("according to")),
    ("the main clause's report after an 'according to' clause", "Opposition leader Tomas Berger, who took 44 percent according to the commission, said his party had evidence of fraud.", "his party had evidence of fraud", Indirect, Some("Tomas Berger"), Some("said")),
    ("a long subordinate clause before the subject of a participle", "After Mayor Ilse Varga lost both the council and the harbour board to her rivals in the spring elections, Tomas Brook sent her a warm letter praising her “courage and grace” in defeat.", "her “courage and grace” in defeat", Mixed, Some("Tomas Brook"), Some("praising")),
    ("the antecedent of 'who asked not to be named' speaks", "Residents who asked not to be named said the town was burning.", "the town was burning", Indirect, Some("Residents"), Some("said")),
    ("the antecedent of 'who declined to be identified' speaks", "A local official who declined to be identified said ten soldiers had died.", "ten soldiers had died", Indirect, Some("A local official"), Some("said")),
];

/// (case name, text): no quote may be found.
const NO_QUOTES: &[(&str, &str)] = &[
    (
        "a request for anonymity",
        "The harbour guard, who asked not to be named, walked back to the gate.",
    ),
    (
        "a refusal to be identified",
        "Two guards declined to be identified and walked back to the gate.",
    ),
    (
        "scare quote without cue",
        "The so-called “peace plan” was never published in full.",
    ),
    (
        "title of a work",
        "She read “War and Peace” on the long flight home last year.",
    ),
    (
        "long title in title case without a word for a work",
        "She starred in “Days of the Long Tide” for three seasons before she moved to the stage.",
    ),
    (
        "long title in title case opening a clause",
        "The festival opened with “Winter on the Northern Line” at the old harbour.",
    ),
    (
        "apostrophes only",
        "The voters' mood in the '90s was calm, wasn't it?",
    ),
    (
        "opening adverbial before a cue with its own object",
        "After the vote on the harbour budget in the spring, Mexico said enough.",
    ),
    (
        "plain narrative",
        "The meeting began on Monday at nine and lasted almost eight hours.",
    ),
    (
        "headline without attribution",
        "Negotiations Lasted Almost Eight Hours",
    ),
    (
        "noun said",
        "The delegates left the hall after lunch and went home.",
    ),
    (
        "naming called after an indefinite noun phrase",
        "A little-known group called the Northern Shield carried out the raid on the depot.",
    ),
    (
        "naming called before a capitalised name in a clause",
        "She taught an evening class called Harbour Lights at the old school.",
    ),
    (
        "naming called inside a clause",
        "The money went to a small charity called Blue Anchor in the port.",
    ),
    (
        "called a person to do something: a telephone call",
        "President Alvar called Prime Minister Tomas Berger to offer condolences after the crash.",
    ),
    (
        "called an object pronoun to do something",
        "The mayor called her to congratulate the team on the victory.",
    ),
];

fn run(text: &str) -> (Document, Vec<Quote>) {
    let stage = QuotesConfig::default().build().unwrap();
    let mut doc = Document::new(Meta::default(), text.to_string()).unwrap();
    stage.process(&mut doc).unwrap();
    let quotes = doc.quotes.clone();
    (doc, quotes)
}

fn describe(doc: &Document, quotes: &[Quote]) -> String {
    quotes
        .iter()
        .map(|q| {
            format!(
                "\n  {:?} [{}] spk=<{}> cue=<{}>",
                q.kind,
                doc.slice(q.span),
                q.speaker.as_ref().map_or("-", |s| doc.slice(s.span)),
                q.cue.map_or("-", |c| doc.slice(c))
            )
        })
        .collect()
}

#[test]
fn quote_cases() {
    assert!(CASES.len() >= 50, "{} cases", CASES.len());
    let mut failures = Vec::new();
    for &(name, text, quote, kind, speaker, cue) in CASES {
        let (doc, quotes) = run(text);
        let Some(q) = quotes.iter().find(|q| doc.slice(q.span) == quote) else {
            failures.push(format!(
                "{name}: quote {quote:?} not found; got{}",
                describe(&doc, &quotes)
            ));
            continue;
        };
        let got_speaker = q.speaker.as_ref().map(|s| doc.slice(s.span));
        let got_cue = q.cue.map(|c| doc.slice(c));
        if q.kind != kind || got_speaker != speaker || got_cue != cue {
            failures.push(format!(
                "{name}: want {kind:?} spk={speaker:?} cue={cue:?}, got {:?} spk={got_speaker:?} cue={got_cue:?}",
                q.kind
            ));
            continue;
        }
        assert_span!(doc, q.span, quote);
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

#[test]
fn no_quote_cases() {
    for &(name, text) in NO_QUOTES {
        let (doc, quotes) = run(text);
        assert!(
            quotes.is_empty(),
            "{name}: unexpected quotes{}",
            describe(&doc, &quotes)
        );
    }
}

#[test]
fn quotes_are_sorted_and_spans_valid() {
    let text = CASES.iter().map(|c| c.1).collect::<Vec<_>>().join("\n\n");
    let (doc, quotes) = run(&text);
    assert!(quotes.len() >= CASES.len() / 2);
    for w in quotes.windows(2) {
        assert!(w[0].span <= w[1].span, "unsorted");
    }
    for q in &quotes {
        assert!(doc.text().get(q.span.range()).is_some());
        assert!(!q.span.is_empty());
    }
}

#[test]
fn config_switches_work() {
    let text = "Ryan Cole said that the two sides had failed to agree on the border. “We tried hard,” he said.";
    let stage = QuotesConfig {
        indirect: false,
        ..QuotesConfig::default()
    }
    .build()
    .unwrap();
    let mut doc = Document::new(Meta::default(), text.to_string()).unwrap();
    stage.process(&mut doc).unwrap();
    assert_eq!(doc.quotes.len(), 1, "{}", describe(&doc, &doc.quotes));
    assert_eq!(doc.quotes[0].kind, Direct);
    let cfg: QuotesConfig = serde_json::from_str(r#"{"min_clause_words": 3}"#).unwrap();
    assert_eq!(cfg.min_clause_words, 3);
    assert!(serde_json::from_str::<QuotesConfig>(r#"{"bogus": 1}"#).is_err());
    let bad = QuotesConfig {
        extra_cues: "yell\tshout\tsay\tyelled".into(),
        ..QuotesConfig::default()
    };
    assert!(bad.build().is_err());
    let extra = QuotesConfig {
        extra_cues: "grumble\tspeech\tsay\tgrumbled".into(),
        ..QuotesConfig::default()
    };
    let mut doc = Document::new(
        Meta::default(),
        "Hale grumbled that the vote was rigged.".into(),
    )
    .unwrap();
    extra.build().unwrap().process(&mut doc).unwrap();
    assert_eq!(doc.quotes.len(), 1);
    assert_span!(doc, doc.quotes[0].span, "the vote was rigged");
}

/// (case name, text, a cue word, a word of the sentence): no quote cued by the word may hold
/// that word (the content before the comma is not the cue's).
const NOT_CUES: &[(&str, &str, &str, &str)] = &[
    (
        "a denial in a relative clause after a noun of assertion",
        "The rebels accused the army of shelling the market, a charge the army denied.",
        "denied",
        "rebels",
    ),
    (
        "an allegation disputed in a relative clause",
        "The port was sold in secret, an allegation the ministry disputed.",
        "disputed",
        "port",
    ),
    (
        "a clause opened by though after quoted words",
        "The chiefs said they were ready to go in “any time the order is given”, though they still favoured a diplomatic solution.",
        "favoured",
        "ready",
    ),
    (
        "a subordinate clause after the comma of an end-position cue",
        "The ferry will stop running in winter, although the mayor denied it.",
        "denied",
        "ferry",
    ),
    (
        "an accusation denied, with a time after the cue",
        "The port was sold in secret, an accusation the minister denied on Monday.",
        "denied",
        "port",
    ),
];

#[test]
fn not_cue_cases() {
    for &(name, text, word, held) in NOT_CUES {
        let (doc, quotes) = run(text);
        assert!(
            !quotes
                .iter()
                .any(|q| q.cue.is_some_and(|c| doc.slice(c) == word)
                    && doc.slice(q.span).contains(held)),
            "{name}: {word:?} cues a quote holding {held:?}{}",
            describe(&doc, &quotes)
        );
    }
}
