//! Calendar arithmetic for course dates.
//!
//! Courses need real `YYYY-MM-DD` dates that fall on weekdays and span a few
//! days or months. The project's date crate is not available to a module that
//! must also build on its own, and the civil-calendar conversion is short
//! enough to keep here.

/// Days since 1970-01-01 for a proleptic Gregorian date.
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// 0 = Monday … 6 = Sunday.
pub fn weekday(days: i64) -> i64 {
    // 1970-01-01 was a Thursday.
    (days + 3).rem_euclid(7)
}

/// Moves a weekend day forward to the following Monday, because municipal
/// courses and conferences run on working days.
pub fn next_weekday(days: i64) -> i64 {
    match weekday(days) {
        5 => days + 2,
        6 => days + 1,
        _ => days,
    }
}

/// The `n`-th working day after `days` (`n = 0` is `days` itself when it is
/// a weekday).
pub fn add_weekdays(days: i64, n: i64) -> i64 {
    let mut d = next_weekday(days);
    for _ in 0..n {
        d = next_weekday(d + 1);
    }
    d
}

pub fn iso(days: i64) -> String {
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Parses `YYYY-MM-DD` and rejects anything that is not a real date.
#[cfg(test)]
pub fn parse_iso(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y: i64 = s[0..4].parse().ok()?;
    let m: u32 = s[5..7].parse().ok()?;
    let d: u32 = s[8..10].parse().ok()?;
    if !(1..=12).contains(&m) || d == 0 {
        return None;
    }
    let days = days_from_civil(y, m, d);
    (civil_from_days(days) == (y, m, d)).then_some(days)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_knows_weekdays() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(iso(days_from_civil(2024, 2, 29)), "2024-02-29");
        assert_eq!(parse_iso("2023-02-29"), None);
        assert_eq!(parse_iso("2026-10-31"), Some(days_from_civil(2026, 10, 31)));
        // 2025-06-02 is a Monday.
        assert_eq!(weekday(days_from_civil(2025, 6, 2)), 0);
        assert_eq!(iso(next_weekday(days_from_civil(2025, 6, 7))), "2025-06-09");
    }
}
