//! How a complement-taking word or a verb's modality turns an act into the event coded:
//! "refused to MEET" is a rejection of talks (125), "will IMPOSE SANCTIONS" a threat (1312),
//! "agreed to LIFT the embargo" an intent to ease sanctions (0354). Pure functions from the
//! inner act's CAMEO code to the coded one; `None` means nothing is coded.

/// The broad kind of an act, by CAMEO root.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// 01-02: statements and appeals.
    Verbal,
    /// 03-08: intents, consultation, diplomatic and material cooperation, aid, yielding.
    Cooperative,
    /// 09: investigation.
    Investigate,
    /// 10-13: demands, disapproval, rejection, threats.
    VerbalConflict,
    /// 14: protest.
    Protest,
    /// 15-20: force posture, sanctions, coercion, violence.
    Hostile,
}

pub fn kind(code: &str) -> Kind {
    match &code[..2] {
        "01" | "02" => Kind::Verbal,
        "03" | "04" | "05" | "06" | "07" | "08" => Kind::Cooperative,
        "09" => Kind::Investigate,
        "10" | "11" | "12" | "13" => Kind::VerbalConflict,
        "14" => Kind::Protest,
        _ => Kind::Hostile,
    }
}

fn by_prefix(
    code: &str,
    table: &[(&'static str, &'static str)],
    default: &'static str,
) -> &'static str {
    // Longest matching prefix wins: tables list 4-digit keys before 3-digit ones.
    table
        .iter()
        .find(|(k, _)| code.starts_with(k))
        .map(|(_, v)| *v)
        .unwrap_or(default)
}

/// "promise / plan / be ready to X", "will X" for cooperative X: 03x. Hostile X: a threat.
pub fn intent(code: &str) -> Option<&'static str> {
    Some(match &code[..2] {
        "03" => return None, // already an intent: the caller keeps it
        "04" => by_prefix(code, &[("045", "039")], "036"),
        "05" => by_prefix(
            code,
            &[
                ("051", "032"),
                ("052", "032"),
                ("053", "032"),
                ("054", "032"),
            ],
            "030",
        ),
        "06" => by_prefix(
            code,
            &[
                ("061", "0311"),
                ("062", "0312"),
                ("063", "0313"),
                ("064", "0314"),
            ],
            "031",
        ),
        "07" => by_prefix(
            code,
            &[
                ("071", "0331"),
                ("072", "0332"),
                ("073", "0333"),
                ("074", "0334"),
            ],
            "033",
        ),
        "08" => by_prefix(
            code,
            &[
                ("0831", "0341"),
                ("081", "0351"),
                ("082", "0352"),
                ("083", "034"),
                ("084", "0353"),
                ("085", "0354"),
                ("086", "0355"),
                ("087", "0356"),
            ],
            "035",
        ),
        _ => return threat(code),
    })
}

/// "threaten to X", "will X" for hostile X: 13x by what is threatened.
pub fn threat(code: &str) -> Option<&'static str> {
    Some(match &code[..2] {
        "13" => return None,
        "14" => "133",
        "15" => "138",
        "16" => by_prefix(
            code,
            &[
                ("160", "1313"),
                ("161", "1313"),
                ("162", "1311"),
                ("163", "1312"),
                ("164", "134"),
                ("165", "135"),
                ("166", "136"),
            ],
            "131",
        ),
        "17" => by_prefix(
            code,
            &[
                ("1721", "1321"),
                ("1722", "1322"),
                ("1723", "1323"),
                ("1724", "1324"),
                ("172", "132"),
                ("175", "137"),
            ],
            "131",
        ),
        "18" => "1383",
        "19" => by_prefix(code, &[("191", "1381"), ("192", "1382")], "1384"),
        "20" => by_prefix(code, &[("204", "1385")], "1383"),
        "10" | "11" | "12" => "130",
        _ => return None,
    })
}

/// "refuse to X" (and a negated cooperative X): 12x by what is refused. Refusing a hostile
/// act is no event.
pub fn refuse(code: &str) -> Option<&'static str> {
    Some(match &code[..2] {
        "03" => by_prefix(
            code,
            &[
                ("036", "125"),
                ("037", "127"),
                ("038", "126"),
                ("039", "126"),
                ("031", "121"),
                ("033", "122"),
                ("034", "123"),
                ("035", "124"),
            ],
            "120",
        ),
        "04" => by_prefix(code, &[("045", "126")], "125"),
        "05" => by_prefix(code, &[("057", "127")], "120"),
        "06" => by_prefix(code, &[("061", "1211"), ("062", "1212")], "121"),
        "07" => by_prefix(
            code,
            &[
                ("071", "1221"),
                ("072", "1222"),
                ("073", "1223"),
                ("074", "1224"),
            ],
            "122",
        ),
        "08" => by_prefix(
            code,
            &[
                ("081", "1241"),
                ("082", "1242"),
                ("083", "123"),
                ("084", "1243"),
                ("085", "1244"),
                ("086", "1245"),
                ("087", "1246"),
            ],
            "124",
        ),
        "09" => "120",
        _ => return None,
    })
}

/// "demand that Y X", "Y must X" said by someone else: 10x by what is demanded.
pub fn demand(code: &str) -> &'static str {
    match &code[..2] {
        "04" => by_prefix(code, &[("045", "105")], "108"),
        "05" => "102",
        "06" => by_prefix(
            code,
            &[
                ("061", "1011"),
                ("062", "1012"),
                ("063", "1013"),
                ("064", "1014"),
            ],
            "100",
        ),
        "07" => by_prefix(
            code,
            &[
                ("071", "1031"),
                ("072", "1032"),
                ("073", "1033"),
                ("074", "1034"),
            ],
            "103",
        ),
        "08" => by_prefix(
            code,
            &[
                ("0831", "1041"),
                ("0871", "107"),
                ("0874", "106"),
                ("081", "1051"),
                ("082", "1052"),
                ("083", "104"),
                ("084", "1053"),
                ("085", "1054"),
                ("086", "1055"),
                ("087", "1056"),
            ],
            "100",
        ),
        "09" => "101",
        "16" => by_prefix(code, &[("166", "106")], "100"),
        _ => "100",
    }
}

/// "urge / call on Y to X", "Y should X": 02x by what is asked.
pub fn appeal(code: &str) -> &'static str {
    match &code[..2] {
        "04" => by_prefix(code, &[("045", "028")], "026"),
        "05" => by_prefix(code, &[("057", "027")], "022"),
        "06" => by_prefix(
            code,
            &[
                ("061", "0211"),
                ("062", "0212"),
                ("063", "0213"),
                ("064", "0214"),
            ],
            "021",
        ),
        "07" => by_prefix(
            code,
            &[
                ("071", "0231"),
                ("072", "0232"),
                ("073", "0233"),
                ("074", "0234"),
            ],
            "023",
        ),
        "08" => by_prefix(
            code,
            &[
                ("0831", "0241"),
                ("0871", "027"),
                ("081", "0251"),
                ("082", "0252"),
                ("083", "024"),
                ("084", "0253"),
                ("085", "0254"),
                ("086", "0255"),
                ("087", "0256"),
            ],
            "025",
        ),
        _ => "020",
    }
}

/// "accuse Y of X-ing": 112, or the 4-digit accusation X's kind decides.
pub fn accuse(code: &str) -> &'static str {
    match &code[..2] {
        "18" | "19" => "1123",
        "20" => "1124",
        "17" => by_prefix(code, &[("171", "1121"), ("175", "1122")], "112"),
        _ => "112",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mappings() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            ("intent", "046", Some("036")),
            ("intent", "045", Some("039")),
            ("intent", "0871", Some("0356")),
            ("intent", "072", Some("0332")),
            ("intent", "163", Some("1312")),
            ("intent", "190", Some("1384")),
            ("intent", "036", None),
            ("threat", "192", Some("1382")),
            ("threat", "1723", Some("1323")),
            ("threat", "143", Some("133")),
            ("threat", "046", None),
            ("refuse", "040", Some("125")),
            ("refuse", "085", Some("1244")),
            ("refuse", "057", Some("127")),
            ("refuse", "190", None),
            ("demand", "0841", Some("1053")),
            ("demand", "0871", Some("107")),
            ("demand", "046", Some("108")),
            ("appeal", "046", Some("026")),
            ("appeal", "0863", Some("0255")),
            ("accuse", "190", Some("1123")),
            ("accuse", "1711", Some("1121")),
        ];
        for &(f, code, want) in cases {
            let got = match f {
                "intent" => intent(code),
                "threat" => threat(code),
                "refuse" => refuse(code),
                "demand" => Some(demand(code)),
                "appeal" => Some(appeal(code)),
                _ => Some(accuse(code)),
            };
            assert_eq!(got, want, "{f}({code})");
        }
    }
}
