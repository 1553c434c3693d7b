//! A small invented corpus written straight as schema-v1 records (no pipeline), so the API
//! tests know exactly what the store holds.

#![allow(dead_code)]

use serde_json::{json, Value};
use sitrep_doc::output::ArticleRecord;
use sitrep_store::Store;
use std::path::{Path, PathBuf};

/// Builds one record from its text: spans are found by searching the text.
pub struct Article {
    pub text: String,
    rec: Value,
}

impl Article {
    pub fn new(id: &str, date: &str, title: &str, text: &str) -> Article {
        // One sentence per line (the tests' texts are written that way).
        let mut sentences = Vec::new();
        let mut at = 0;
        for line in text.split_inclusive('\n') {
            let body = line.trim_end();
            if !body.is_empty() {
                sentences.push(json!({"start": at, "end": at + body.len()}));
            }
            at += line.len();
        }
        Article {
            text: text.into(),
            rec: json!({
                "schema": 1, "id": id, "date": date, "title": title, "url": null, "source": "fixture",
                "sentences": sentences, "entities": [], "quotes": [], "events": [], "errors": [],
                "themes": [],
            }),
        }
    }

    fn span(&self, needle: &str) -> (usize, usize) {
        let s = self
            .text
            .find(needle)
            .unwrap_or_else(|| panic!("{needle:?} not in text"));
        (s, s + needle.len())
    }

    fn sentence_of(&self, at: usize) -> usize {
        self.rec["sentences"]
            .as_array()
            .unwrap()
            .iter()
            .position(|s| {
                s["start"].as_u64().unwrap() as usize <= at
                    && at < s["end"].as_u64().unwrap() as usize
            })
            .unwrap_or(0)
    }

    /// Adds an entity mentioned at `mention`; returns its local id.
    pub fn entity(
        &mut self,
        mention: &str,
        name: &str,
        kind: &str,
        code: Option<&str>,
        geo: Option<(u32, f64, f64, &str)>,
    ) -> u32 {
        let (s, e) = self.span(mention);
        let list = self.rec["entities"].as_array_mut().unwrap();
        let id = list.len() as u32;
        let geo = geo.map(|(gid, lat, lon, iso3)| {
            json!({
                "geonames_id": gid, "name": name, "lat": lat, "lon": lon, "country_iso3": iso3,
                "country_fips": "", "adm1": "", "feature": "PPLC"
            })
        });
        list.push(json!({
            "id": id, "kind": kind, "name": name, "key": name.to_lowercase(), "actor_code": code,
            "mentions": [{"start": s, "end": e, "text": mention, "form": "name"}], "geo": geo,
        }));
        id
    }

    pub fn quote(&mut self, quote: &str, speaker: &str, entity: Option<u32>, name: &str) {
        let (s, e) = self.span(quote);
        let (ss, se) = self.span(speaker);
        self.rec["quotes"].as_array_mut().unwrap().push(json!({
            "start": s, "end": e, "text": quote, "kind": "direct",
            "speaker": {"start": ss, "end": se, "text": speaker, "entity": entity, "name": name},
            "cue": null,
        }));
    }

    #[allow(clippy::too_many_arguments)]
    pub fn event(
        &mut self,
        trigger: &str,
        code: &str,
        quad: u8,
        goldstein: f32,
        source: (&str, &str, Option<u32>),
        target: (&str, &str, Option<u32>),
        place: Option<u32>,
    ) {
        let (s, e) = self.span(trigger);
        let actor = |this: &Article, (text, code, entity): (&str, &str, Option<u32>)| {
            let (s, e) = this.span(text);
            json!({"actor_code": code, "entity": entity, "start": s, "end": e, "text": text})
        };
        let ev = json!({
            "code": code, "base": code, "root": &code[..2], "quad_class": quad, "goldstein": goldstein,
            "source": actor(self, source), "target": actor(self, target),
            "trigger": {"start": s, "end": e, "text": trigger}, "sentence": self.sentence_of(s),
            "date": null, "place": place, "is_root": true, "status": "asserted", "quote": null,
        });
        self.rec["events"].as_array_mut().unwrap().push(ev);
    }

    pub fn theme(&mut self, theme: &str, at: &str) {
        let (s, e) = self.span(at);
        self.rec["themes"]
            .as_array_mut()
            .unwrap()
            .push(json!({"theme": theme, "start": s, "end": e}));
    }

    pub fn record(&self) -> (ArticleRecord, String) {
        (
            serde_json::from_value(self.rec.clone()).expect("fixture record"),
            self.text.clone(),
        )
    }
}

/// The fixture corpus: three annotated articles (one hostile to HTML) and 60 fillers.
pub fn corpus() -> Vec<(ArticleRecord, String)> {
    let mut out = Vec::new();

    let mut a = Article::new(
        "fx:oslo/1",
        "2022-01-10",
        "Envoys meet in Oslo",
        "Envoys from Norway met Russian officials in Oslo on Monday.\n\"We are ready to talk about security,\" said Ivan Petrov.\nThe United States criticized Russia over troop movements.\n",
    );
    let nor = a.entity("Norway", "Norway", "place", Some("NOR"), None);
    let rus_gov = a.entity(
        "Russian officials",
        "Russian officials",
        "org",
        Some("RUSGOV"),
        None,
    );
    let oslo = a.entity(
        "Oslo",
        "Oslo",
        "place",
        None,
        Some((3143244, 59.91, 10.75, "NOR")),
    );
    let petrov = a.entity("Ivan Petrov", "Ivan Petrov", "person", Some("RUSGOV"), None);
    let usa = a.entity("United States", "United States", "place", Some("USA"), None);
    let rus = a.entity("Russia over", "Russia", "place", Some("RUS"), None);
    a.quote(
        "We are ready to talk about security,",
        "Ivan Petrov",
        Some(petrov),
        "Ivan Petrov",
    );
    a.event(
        "met",
        "040",
        1,
        1.0,
        ("Norway", "NOR", Some(nor)),
        ("Russian officials", "RUSGOV", Some(rus_gov)),
        Some(oslo),
    );
    a.event(
        "criticized",
        "111",
        3,
        -2.0,
        ("United States", "USA", Some(usa)),
        ("Russia over", "RUS", Some(rus)),
        None,
    );
    a.theme("NEGOTIATIONS", "talk");
    out.push(a.record());

    let mut b = Article::new(
        "fx:oslo/2",
        "2022-01-11",
        "Washington signals more talks",
        "Washington said it wants to meet Moscow again.\n\"Security talks must go on,\" said Anna Smith.\n",
    );
    let was = b.entity("Washington", "United States", "place", Some("USA"), None);
    let mos = b.entity("Moscow", "Russia", "place", Some("RUS"), None);
    let smith = b.entity("Anna Smith", "Anna Smith", "person", Some("USAGOV"), None);
    b.quote(
        "Security talks must go on,",
        "Anna Smith",
        Some(smith),
        "Anna Smith",
    );
    b.event(
        "wants to meet",
        "036",
        1,
        4.0,
        ("Washington", "USA", Some(was)),
        ("Moscow", "RUS", Some(mos)),
        None,
    );
    out.push(b.record());

    // Markup in every field a page shows: it must come out as text.
    let mut x = Article::new(
        "fx:xss",
        "2022-01-12",
        "<img src=x onerror=\"window.__xss=1\">",
        "<script>window.__xss=1;alert(1)</script> met <b>Moscow</b> officials.\n\"<script>window.__xss=1</script> is not code,\" said <i>Mallory</i>.\n",
    );
    let s = x.entity(
        "<script>window.__xss=1;alert(1)</script>",
        "<script>window.__xss=1;alert(1)</script>",
        "org",
        Some("USA"),
        None,
    );
    let m = x.entity("<b>Moscow</b>", "Russia", "place", Some("RUS"), None);
    let mal = x.entity("<i>Mallory</i>", "<i>Mallory</i>", "person", None, None);
    x.quote(
        "<script>window.__xss=1</script> is not code,",
        "<i>Mallory</i>",
        Some(mal),
        "<i>Mallory</i>",
    );
    x.event(
        "met",
        "040",
        1,
        1.0,
        ("<script>window.__xss=1;alert(1)</script>", "USA", Some(s)),
        ("<b>Moscow</b>", "RUS", Some(m)),
        None,
    );
    out.push(x.record());

    for i in 0..60 {
        let mut f = Article::new(
            &format!("fx:filler/{i:02}"),
            "2021-06-01",
            &format!("Filler number {i}"),
            &format!("\"Nothing happened today number {i},\" said Clerk {i}.\n"),
        );
        let c = f.entity(
            &format!("Clerk {i}"),
            &format!("Clerk {i}"),
            "person",
            None,
            None,
        );
        f.quote(
            &format!("Nothing happened today number {i},"),
            &format!("Clerk {i}"),
            Some(c),
            &format!("Clerk {i}"),
        );
        out.push(f.record());
    }
    out
}

/// Writes the fixture corpus into a new store at `dir/fixture.sitrep`.
pub fn store(dir: &Path) -> PathBuf {
    let path = dir.join("fixture.sitrep");
    let mut store = Store::open(&path).expect("create store");
    let report = store.ingest(corpus()).expect("ingest fixture");
    assert!(
        report.rejected.is_empty(),
        "fixture rejected: {:?}",
        report.rejected
    );
    assert_eq!(report.inserted, 63);
    store.optimize().expect("optimize");
    path
}
