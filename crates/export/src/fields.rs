//! GDELT's field encodings: numbers kept as written, and nested lists with their separators.
//!
//! GDELT has no escaping: tab separates columns, `;` (or `#`, `,`) separates list entries,
//! and `#`, `,`, `|`, `:` separate sub-fields. Readers keep every number's text as written
//! ([`Float`]) and whether a list ended with its separator ([`List::trailing`]), so that a
//! line read and written again is byte-identical. Writers pass free text through [`clean`].

use std::fmt::Write as _;

/// A float as written in a GDELT file ("1.0", "-7.84313725490196", "49").
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Float(String);

impl Float {
    /// Checks that the text is a number.
    pub fn parse(s: &str) -> Result<Float, String> {
        s.parse::<f64>()
            .map_err(|_| format!("{s:?} is not a number"))?;
        Ok(Float(s.to_string()))
    }

    /// The shortest text that reads back as `v` ("46", "7.5", "1130000000"); "0" for NaN/inf.
    pub fn new(v: f64) -> Float {
        if !v.is_finite() {
            return Float("0".into());
        }
        let v = if v == 0.0 { 0.0 } else { v };
        Float(format!("{v}"))
    }

    /// Always with a decimal point, as GDELT writes Goldstein values ("1.0", "-6.5").
    pub fn with_point(v: f32) -> Float {
        if !v.is_finite() {
            return Float("0.0".into());
        }
        Float(format!("{v:?}"))
    }

    /// Rounded to `places` decimals, shortest form (GDELT's lat/long: "38.8951", "49").
    pub fn rounded(v: f64, places: i32) -> Float {
        let f = 10f64.powi(places);
        Float::new((v * f).round() / f)
    }

    /// Exactly `places` decimals ("2024.6301").
    pub fn fixed(v: f64, places: usize) -> Float {
        if !v.is_finite() {
            return Float("0".into());
        }
        Float(format!("{v:.places$}"))
    }

    pub fn value(&self) -> f64 {
        self.0.parse().unwrap_or(0.0)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Free text made safe for a GDELT column: tabs and line breaks become spaces, and each of
/// `reserved` (the separators of the list the text sits in) becomes a space too.
pub fn clean(s: &str, reserved: &[char]) -> String {
    s.chars()
        .map(|c| {
            if c == '\t' || c == '\n' || c == '\r' || reserved.contains(&c) {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// One entry type of a nested list.
pub trait Entry: Sized {
    fn parse(s: &str) -> Result<Self, String>;
    fn write(&self, out: &mut String);
}

impl Entry for String {
    fn parse(s: &str) -> Result<Self, String> {
        Ok(s.to_string())
    }
    fn write(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl Entry for Float {
    fn parse(s: &str) -> Result<Self, String> {
        Float::parse(s)
    }
    fn write(&self, out: &mut String) {
        out.push_str(&self.0);
    }
}

/// A list of entries separated by one character, possibly ending with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct List<T> {
    pub items: Vec<T>,
    /// The list ends with its separator (GDELT writes `A;B;` in some columns, `A;B` in others).
    pub trailing: bool,
}

impl<T> Default for List<T> {
    fn default() -> Self {
        List {
            items: Vec::new(),
            trailing: false,
        }
    }
}

impl<T: Entry> List<T> {
    pub fn new(items: Vec<T>, trailing: bool) -> List<T> {
        let trailing = trailing && !items.is_empty();
        List { items, trailing }
    }

    pub fn parse(s: &str, sep: char) -> Result<List<T>, String> {
        if s.is_empty() {
            return Ok(List::default());
        }
        let (body, trailing) = match s.strip_suffix(sep) {
            Some(b) if !b.is_empty() => (b, true),
            _ => (s, false),
        };
        let items = body
            .split(sep)
            .map(T::parse)
            .collect::<Result<Vec<T>, String>>()?;
        Ok(List { items, trailing })
    }

    pub fn write(&self, out: &mut String, sep: char) {
        for (i, item) in self.items.iter().enumerate() {
            if i > 0 {
                out.push(sep);
            }
            item.write(out);
        }
        if self.trailing {
            out.push(sep);
        }
    }
}

fn int<T: std::str::FromStr>(s: &str, what: &str) -> Result<T, String> {
    s.parse()
        .map_err(|_| format!("{what}: {s:?} is not an integer"))
}

fn opt_int<T: std::str::FromStr>(s: &str, what: &str) -> Result<Option<T>, String> {
    if s.is_empty() {
        Ok(None)
    } else {
        int(s, what).map(Some)
    }
}

fn opt_float(s: &str) -> Result<Option<Float>, String> {
    if s.is_empty() {
        Ok(None)
    } else {
        Float::parse(s).map(Some)
    }
}

fn write_opt<T: std::fmt::Display>(out: &mut String, v: &Option<T>) {
    if let Some(v) = v {
        let _ = write!(out, "{v}");
    }
}

impl std::fmt::Display for Float {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// `Name,offset` (V2 persons, organizations, themes, AllNames). The name may contain commas:
/// the offset is after the last one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    pub name: String,
    pub offset: i64,
}

impl Entry for Named {
    fn parse(s: &str) -> Result<Self, String> {
        let (name, off) = s
            .rsplit_once(',')
            .ok_or_else(|| format!("{s:?}: expected Name,offset"))?;
        Ok(Named {
            name: name.to_string(),
            offset: int(off, "offset")?,
        })
    }
    fn write(&self, out: &mut String) {
        let _ = write!(out, "{},{}", self.name, self.offset);
    }
}

/// A GKG location: `Type#FullName#CC#ADM1[#ADM2]#Lat#Long#FeatureID[#Offset]`.
/// V1 locations have 7 fields, V2 locations 9 (ADM2 and offset).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Location {
    pub loc_type: Option<u8>,
    pub full_name: String,
    pub country: String,
    pub adm1: String,
    /// V2 only.
    pub adm2: Option<String>,
    pub lat: Option<Float>,
    pub long: Option<Float>,
    pub feature_id: String,
    /// V2 only.
    pub offset: Option<i64>,
}

impl Location {
    fn parse_fields(f: &[&str]) -> Result<Location, String> {
        let v2 = f.len() == 9;
        if f.len() != 7 && !v2 {
            return Err(format!("location has {} fields, expected 7 or 9", f.len()));
        }
        let (lat, long, feature) = if v2 { (5, 6, 7) } else { (4, 5, 6) };
        Ok(Location {
            loc_type: opt_int(f[0], "location type")?,
            full_name: f[1].to_string(),
            country: f[2].to_string(),
            adm1: f[3].to_string(),
            adm2: v2.then(|| f[4].to_string()),
            lat: opt_float(f[lat])?,
            long: opt_float(f[long])?,
            feature_id: f[feature].to_string(),
            offset: if v2 {
                opt_int(f[8], "location offset")?
            } else {
                None
            },
        })
    }

    fn write_fields(&self, out: &mut String) {
        write_opt(out, &self.loc_type);
        let _ = write!(out, "#{}#{}#{}#", self.full_name, self.country, self.adm1);
        if let Some(adm2) = &self.adm2 {
            let _ = write!(out, "{adm2}#");
        }
        write_opt(out, &self.lat);
        out.push('#');
        write_opt(out, &self.long);
        let _ = write!(out, "#{}", self.feature_id);
        if self.adm2.is_some() {
            out.push('#');
            write_opt(out, &self.offset);
        }
    }
}

impl Entry for Location {
    fn parse(s: &str) -> Result<Self, String> {
        Location::parse_fields(&s.split('#').collect::<Vec<_>>())
    }
    fn write(&self, out: &mut String) {
        self.write_fields(out)
    }
}

/// A GKG count: `CountType#Count#ObjectType#<7 V1 location fields>[#Offset]` (10 fields in
/// V1Counts, 11 in V2.1Counts).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountEntry {
    pub count_type: String,
    pub count: Float,
    pub object_type: String,
    pub location: Location,
    /// V2.1 only.
    pub offset: Option<i64>,
    v21: bool,
}

impl CountEntry {
    pub fn v1(
        count_type: &str,
        count: Float,
        object_type: String,
        location: Location,
    ) -> CountEntry {
        CountEntry {
            count_type: count_type.to_string(),
            count,
            object_type,
            location,
            offset: None,
            v21: false,
        }
    }
    pub fn v21(
        count_type: &str,
        count: Float,
        object_type: String,
        location: Location,
        offset: i64,
    ) -> CountEntry {
        CountEntry {
            count_type: count_type.to_string(),
            count,
            object_type,
            location,
            offset: Some(offset),
            v21: true,
        }
    }
}

impl Entry for CountEntry {
    fn parse(s: &str) -> Result<Self, String> {
        let f: Vec<&str> = s.split('#').collect();
        if f.len() != 10 && f.len() != 11 {
            return Err(format!("count has {} fields, expected 10 or 11", f.len()));
        }
        let v21 = f.len() == 11;
        Ok(CountEntry {
            count_type: f[0].to_string(),
            count: Float::parse(f[1])?,
            object_type: f[2].to_string(),
            location: Location::parse_fields(&f[3..10])?,
            offset: if v21 {
                opt_int(f[10], "count offset")?
            } else {
                None
            },
            v21,
        })
    }
    fn write(&self, out: &mut String) {
        let _ = write!(
            out,
            "{}#{}#{}#",
            self.count_type, self.count, self.object_type
        );
        let mut loc = self.location.clone();
        loc.adm2 = None;
        loc.write_fields(out);
        if self.v21 {
            out.push('#');
            write_opt(out, &self.offset);
        }
    }
}

/// V2.1EnhancedDates entry: `Resolution#Month#Day#Year#Offset` (missing parts are 0).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateEntry {
    pub resolution: u8,
    pub month: u8,
    pub day: u8,
    pub year: i32,
    pub offset: i64,
}

impl Entry for DateEntry {
    fn parse(s: &str) -> Result<Self, String> {
        let f: Vec<&str> = s.split('#').collect();
        if f.len() != 5 {
            return Err(format!("date has {} fields, expected 5", f.len()));
        }
        Ok(DateEntry {
            resolution: int(f[0], "resolution")?,
            month: int(f[1], "month")?,
            day: int(f[2], "day")?,
            year: int(f[3], "year")?,
            offset: int(f[4], "offset")?,
        })
    }
    fn write(&self, out: &mut String) {
        let _ = write!(
            out,
            "{}#{}#{}#{}#{}",
            self.resolution, self.month, self.day, self.year, self.offset
        );
    }
}

/// A GCAM pair `key:value` ("wc:46", "v42.9:-0.2495").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GcamEntry {
    pub key: String,
    pub value: Float,
}

impl Entry for GcamEntry {
    fn parse(s: &str) -> Result<Self, String> {
        let (k, v) = s
            .split_once(':')
            .ok_or_else(|| format!("{s:?}: expected key:value"))?;
        Ok(GcamEntry {
            key: k.to_string(),
            value: Float::parse(v)?,
        })
    }
    fn write(&self, out: &mut String) {
        let _ = write!(out, "{}:{}", self.key, self.value);
    }
}

/// V2.1Quotations entry: `Offset|Length|Verb|Quote`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteEntry {
    pub offset: i64,
    pub length: i64,
    pub verb: String,
    pub quote: String,
}

impl Entry for QuoteEntry {
    fn parse(s: &str) -> Result<Self, String> {
        let f: Vec<&str> = s.splitn(4, '|').collect();
        if f.len() != 4 {
            return Err(format!("quotation has {} fields, expected 4", f.len()));
        }
        Ok(QuoteEntry {
            offset: int(f[0], "quote offset")?,
            length: int(f[1], "quote length")?,
            verb: f[2].to_string(),
            quote: f[3].to_string(),
        })
    }
    fn write(&self, out: &mut String) {
        let _ = write!(
            out,
            "{}|{}|{}|{}",
            self.offset, self.length, self.verb, self.quote
        );
    }
}

/// V2.1Amounts entry: `Amount,Object,Offset` (the object may contain commas).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AmountEntry {
    pub amount: Float,
    pub object: String,
    pub offset: i64,
}

impl Entry for AmountEntry {
    fn parse(s: &str) -> Result<Self, String> {
        let (amount, rest) = s
            .split_once(',')
            .ok_or_else(|| format!("{s:?}: expected Amount,Object,Offset"))?;
        let (object, off) = rest
            .rsplit_once(',')
            .ok_or_else(|| format!("{s:?}: expected Amount,Object,Offset"))?;
        Ok(AmountEntry {
            amount: Float::parse(amount)?,
            object: object.to_string(),
            offset: int(off, "amount offset")?,
        })
    }
    fn write(&self, out: &mut String) {
        let _ = write!(out, "{},{},{}", self.amount, self.object, self.offset);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round<T: Entry>(s: &str, sep: char) -> String {
        let l: List<T> = List::parse(s, sep).unwrap_or_else(|e| panic!("{s:?}: {e}"));
        let mut out = String::new();
        l.write(&mut out, sep);
        out
    }

    #[test]
    fn lists_round_trip() {
        const CASES: &[(&str, char, &str)] = &[
            ("KILL,14;TAX_FNCACT_MAN,5;", ';', "named"),
            ("Co Tipperary,52", ';', "named"),
            ("Smith, Jones & Co,7", ';', "named"),
            ("1#Ireland#EI#EI#53#-8#EI", ';', "loc"),
            ("1#Irish#EI#EI##53#-8#EI#166;4#Tokyo, Tokyo, Japan#JA#JA40#36340#35.685#139.751#-246227#1590", ';', "loc"),
            ("25,a week,217;", ';', "amount"),
            ("1000000000,dollars, a month,3894;", ';', "amount"),
            ("4#11#4#0#165;4#11#4#0#3098", ';', "date"),
            ("wc:46,c12.1:2,v42.9:-0.249543710272727", ',', "gcam"),
            ("12|30|said|we will | not go#40|5||yes", '#', "quote"),
            ("KILL#3#people#1#Ireland#EI#EI#53#-8#EI#120;", ';', "count"),
            ("KILL#3#people#1#Ireland#EI#EI#53#-8#EI;", ';', "count"),
            ("-7.84313725490196,0,7.84313725490196,7.84313725490196,23.5294117647059,0,46", ',', "float"),
            ("", ';', "named"),
        ];
        for &(s, sep, kind) in CASES {
            let out = match kind {
                "named" => round::<Named>(s, sep),
                "loc" => round::<Location>(s, sep),
                "amount" => round::<AmountEntry>(s, sep),
                "date" => round::<DateEntry>(s, sep),
                "gcam" => round::<GcamEntry>(s, sep),
                "quote" => round::<QuoteEntry>(s, sep),
                "count" => round::<CountEntry>(s, sep),
                _ => round::<Float>(s, sep),
            };
            assert_eq!(out, s, "case {s:?}");
        }
    }

    #[test]
    fn bad_entries_are_errors() {
        assert!(List::<Named>::parse("NoOffset", ';').is_err());
        assert!(List::<Location>::parse("1#x#y", ';').is_err());
        assert!(List::<Float>::parse("1,x", ',').is_err());
        assert!(List::<DateEntry>::parse("3#1#2#x#5", ';').is_err());
    }

    #[test]
    fn float_forms() {
        assert_eq!(Float::new(46.0).as_str(), "46");
        assert_eq!(Float::new(1.13e9).as_str(), "1130000000");
        assert_eq!(Float::with_point(1.0).as_str(), "1.0");
        assert_eq!(Float::with_point(-6.5).as_str(), "-6.5");
        assert_eq!(Float::rounded(38.895_123, 4).as_str(), "38.8951");
        assert_eq!(Float::new(f64::NAN).as_str(), "0");
        assert_eq!(clean("a\tb;c\n", &[';']), "a b c ");
    }
}
