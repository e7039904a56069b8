//! FHIR `date` / `dateTime` / `instant` values of any precision.
//!
//! A partial date (year, or year-month) stands for its whole period (clinical-rules.md §3.1):
//! it keeps its first and last day so that window tests can ask "could any instant of this
//! period fall inside the window?". Times and time zones are dropped: the service reasons in
//! whole days, on the calendar date the sender wrote.

use chrono::{Datelike, NaiveDate};

/// A calendar period of day, month or year precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    first: NaiveDate,
    last: NaiveDate,
    precision: DatePrecision,
}

/// How precise a [`PartialDate`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DatePrecision {
    /// `YYYY`.
    Year,
    /// `YYYY-MM`.
    Month,
    /// `YYYY-MM-DD`, with or without a time.
    Day,
}

impl PartialDate {
    /// A whole day.
    pub fn day(date: NaiveDate) -> Self {
        PartialDate {
            first: date,
            last: date,
            precision: DatePrecision::Day,
        }
    }

    /// Parses a FHIR date, dateTime or instant. `None` when the text is not one.
    pub fn parse(text: &str) -> Option<PartialDate> {
        let bytes = text.as_bytes();
        let year = parse_digits(bytes.get(0..4)?)? as i32;
        if bytes.len() == 4 {
            let first = NaiveDate::from_ymd_opt(year, 1, 1)?;
            let last = NaiveDate::from_ymd_opt(year, 12, 31)?;
            return Some(PartialDate {
                first,
                last,
                precision: DatePrecision::Year,
            });
        }
        if bytes.get(4) != Some(&b'-') {
            return None;
        }
        let month = parse_digits(bytes.get(5..7)?)?;
        if bytes.len() == 7 {
            let first = NaiveDate::from_ymd_opt(year, month, 1)?;
            let next = if month == 12 {
                NaiveDate::from_ymd_opt(year + 1, 1, 1)?
            } else {
                NaiveDate::from_ymd_opt(year, month + 1, 1)?
            };
            return Some(PartialDate {
                first,
                last: next.pred_opt()?,
                precision: DatePrecision::Month,
            });
        }
        if bytes.get(7) != Some(&b'-') {
            return None;
        }
        let day = parse_digits(bytes.get(8..10)?)?;
        let date = NaiveDate::from_ymd_opt(year, month, day)?;
        match bytes.len() {
            10 => Some(PartialDate::day(date)),
            _ if bytes[10] == b'T' && valid_time(&bytes[11..]) => Some(PartialDate::day(date)),
            _ => None,
        }
    }

    /// First day of the period.
    pub fn first_day(&self) -> NaiveDate {
        self.first
    }

    /// Last day of the period.
    pub fn last_day(&self) -> NaiveDate {
        self.last
    }

    /// The precision the sender gave.
    pub fn precision(&self) -> DatePrecision {
        self.precision
    }

    /// Whether any day of this period lies in `[from, to]` (both inclusive).
    pub fn overlaps(&self, from: NaiveDate, to: NaiveDate) -> bool {
        self.first <= to && self.last >= from
    }

    /// Days from the latest possible day of this period to `as_of` (the shortest elapsed time):
    /// the conservative reading for "within N days" tests.
    pub fn min_days_before(&self, as_of: NaiveDate) -> i64 {
        (as_of - self.last).num_days()
    }

    /// Days from the earliest possible day of this period to `as_of` (the longest elapsed time).
    pub fn max_days_before(&self, as_of: NaiveDate) -> i64 {
        (as_of - self.first).num_days()
    }

    /// Whether some day of this period is at most `days` days before `as_of` (and not after it):
    /// "onset ≤ N days ago" for partial dates.
    pub fn within_days_before(&self, as_of: NaiveDate, days: i64) -> bool {
        self.overlaps(as_of - chrono::Duration::days(days), as_of)
    }
}

impl std::fmt::Display for PartialDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.precision {
            DatePrecision::Year => write!(f, "{:04}", self.first.year()),
            DatePrecision::Month => write!(f, "{:04}-{:02}", self.first.year(), self.first.month()),
            DatePrecision::Day => write!(f, "{}", self.first.format("%Y-%m-%d")),
        }
    }
}

fn parse_digits(bytes: &[u8]) -> Option<u32> {
    if bytes.is_empty() || !bytes.iter().all(u8::is_ascii_digit) {
        return None;
    }
    std::str::from_utf8(bytes).ok()?.parse().ok()
}

/// `hh:mm:ss(.fff)?(Z|±hh:mm)?` — FHIR requires seconds and a zone when a time is given, but
/// senders often omit the zone; we accept that since only the date is used.
fn valid_time(bytes: &[u8]) -> bool {
    if bytes.len() < 8 {
        return false;
    }
    let digits = |range: std::ops::Range<usize>| bytes[range].iter().all(u8::is_ascii_digit);
    if !(digits(0..2) && bytes[2] == b':' && digits(3..5) && bytes[5] == b':' && digits(6..8)) {
        return false;
    }
    let mut rest = &bytes[8..];
    if rest.first() == Some(&b'.') {
        let fraction = rest[1..].iter().take_while(|b| b.is_ascii_digit()).count();
        if fraction == 0 {
            return false;
        }
        rest = &rest[1 + fraction..];
    }
    match rest {
        [] | [b'Z'] => true,
        [b'+' | b'-', h1, h2, b':', m1, m2] => [h1, h2, m1, m2].iter().all(|b| b.is_ascii_digit()),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn every_fhir_precision_parses_to_its_whole_period() {
        let year = PartialDate::parse("2024").unwrap();
        assert_eq!(
            (year.first_day(), year.last_day()),
            (date(2024, 1, 1), date(2024, 12, 31))
        );
        let month = PartialDate::parse("2024-02").unwrap();
        assert_eq!(month.last_day(), date(2024, 2, 29));
        let december = PartialDate::parse("2023-12").unwrap();
        assert_eq!(december.last_day(), date(2023, 12, 31));
        let day = PartialDate::parse("2024-03-05").unwrap();
        assert_eq!(day.first_day(), day.last_day());
        for text in [
            "2024-03-05T10:20:30Z",
            "2024-03-05T10:20:30.123+09:00",
            "2024-03-05T10:20:30",
        ] {
            assert_eq!(
                PartialDate::parse(text).unwrap().first_day(),
                date(2024, 3, 5),
                "{text}"
            );
        }
    }

    #[test]
    fn text_that_is_not_a_fhir_date_is_refused() {
        for text in [
            "",
            "yesterday",
            "2024-13",
            "2024-02-30",
            "24-01-01",
            "2024/01/01",
            "2024-01-01T",
            "2024-01-01T10:00",
            "2024-01-01T10:00:00+9",
            "２０２４",
        ] {
            assert!(
                PartialDate::parse(text).is_none(),
                "{text:?} should not parse"
            );
        }
    }

    #[test]
    fn a_partial_date_is_within_a_window_when_any_of_its_days_is() {
        let as_of = date(2024, 3, 10);
        let month = PartialDate::parse("2024-02").unwrap();
        assert!(month.within_days_before(as_of, 14)); // 2024-02-25..29 is inside
        assert!(!month.within_days_before(as_of, 9)); // window starts 2024-03-01
        assert_eq!(month.min_days_before(as_of), 10);
        assert_eq!(month.max_days_before(as_of), 38);
    }
}
