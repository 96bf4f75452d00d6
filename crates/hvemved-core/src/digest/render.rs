//! The digest as a self-contained HTML page (inline styles only, no
//! scripts, fonts or images from anywhere, so it can be pasted into the
//! intranet or sent as an e-mail) and as Markdown. In Danish: it is written
//! for the municipality's staff.

use std::fmt::Write;

use chrono::NaiveDate;

use super::{Digest, DigestSkill};
use crate::model::SkillLevel;
use crate::store::{CourseReport, ShareBackItem};

const COURSES_HEADING: &str = "Det har vi lært på kurser og konferencer";
const SHARE_BACKS_HEADING: &str = "Kom og hør: videndeling de næste uger";
const COMPETENCES_HEADING: &str = "Nye og styrkede kompetencer";
const INITIATIVES_HEADING: &str = "Nye indsatser og netværk";

const MONTHS: [&str; 12] = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
];

/// "3. februar 2026", as Danish newsletters write dates.
fn danish_date(day: &str) -> String {
    match NaiveDate::parse_from_str(day, "%Y-%m-%d") {
        Ok(d) => {
            use chrono::Datelike;
            format!("{}. {} {}", d.day(), MONTHS[d.month0() as usize], d.year())
        }
        Err(_) => day.to_string(),
    }
}

fn title(digest: &Digest) -> String {
    let scope = digest.unit.as_deref().unwrap_or("hele kommunen");
    format!(
        "Hvem ved? Nyt fra {scope}, {} – {}",
        danish_date(&digest.from),
        danish_date(&digest.to)
    )
}

fn level_text(level: Option<u8>) -> String {
    level
        .and_then(SkillLevel::new)
        .map(|l| format!("niveau {}, {}", l.get(), l.danish_name().to_lowercase()))
        .unwrap_or_else(|| "uden niveau".into())
}

// The texts both forms show, each form adding only its own markup.

/// "22. oktober 2026 · Udbyder · Navn, Navn": when, by whom, who was there.
fn course_meta(course: &CourseReport) -> String {
    let people = course
        .attendees
        .iter()
        .map(|a| a.name.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    [
        course.date.as_deref().map(danish_date),
        course.provider.clone(),
        Some(people).filter(|p| !p.is_empty()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ")
}

fn share_back_day(item: &ShareBackItem) -> String {
    item.share_back
        .date
        .as_deref()
        .map(danish_date)
        .unwrap_or_default()
}

/// "Navn (niveau 4, specialist), Navn (niveau 2, kan anvende)".
fn holders(skill: &DigestSkill) -> String {
    skill
        .people
        .iter()
        .map(|p| format!("{} ({})", p.name, level_text(p.level)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// One HTML file, readable in any mail client: inline styles, no scripts,
/// nothing fetched.
pub fn to_html(digest: &Digest) -> String {
    let mut out = String::new();
    let heading = title(digest);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"da\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n</head>\n\
         <body style=\"margin:0;padding:24px;background:#f5f7fa;color:#1b1f24;\
         font-family:Arial,Helvetica,sans-serif;line-height:1.5\">\n\
         <main style=\"max-width:720px;margin:0 auto;background:#ffffff;padding:24px 32px;\
         border:1px solid #d5dbe3;border-radius:8px\">\n<h1 style=\"color:#173560;font-size:26px\">{}</h1>\n",
        escape(&heading),
        escape(&heading)
    );
    if digest.is_empty() {
        out.push_str("<p>Intet nyt i perioden.</p>\n");
    }
    let section = |out: &mut String, heading: &str| {
        let _ = writeln!(
            out,
            "<h2 style=\"color:#173560;font-size:20px;border-bottom:2px solid #d5dbe3;padding-bottom:4px\">{}</h2>",
            escape(heading)
        );
    };
    if !digest.courses.is_empty() {
        section(&mut out, COURSES_HEADING);
        for course in &digest.courses {
            let _ = writeln!(
                out,
                "<h3 style=\"font-size:17px;margin-bottom:4px\">{}</h3>",
                escape(&course.title)
            );
            let _ = writeln!(
                out,
                "<p style=\"color:#4a5563;margin-top:0\">{}</p>",
                escape(&course_meta(course))
            );
            if let Some(takeaways) = &course.key_takeaways {
                let _ = writeln!(
                    out,
                    "<p><strong>Det tager vi med:</strong> {}</p>",
                    escape(takeaways)
                );
            } else if let Some(summary) = &course.summary {
                let _ = writeln!(out, "<p>{}</p>", escape(summary));
            }
        }
    }
    if !digest.share_backs.is_empty() {
        section(&mut out, SHARE_BACKS_HEADING);
        out.push_str("<ul>\n");
        for item in &digest.share_backs {
            let forum = item.share_back.forum.as_deref().unwrap_or("");
            let _ = writeln!(
                out,
                "<li><strong>{}</strong>, {}: {} fortæller om {}</li>",
                escape(&share_back_day(item)),
                escape(forum),
                escape(&item.person_name),
                escape(&item.course_title)
            );
        }
        out.push_str("</ul>\n");
    }
    if !digest.competences.is_empty() {
        section(&mut out, COMPETENCES_HEADING);
        out.push_str("<ul>\n");
        for skill in &digest.competences {
            let _ = writeln!(
                out,
                "<li><strong>{}</strong>: {}</li>",
                escape(&skill.skill),
                escape(&holders(skill))
            );
        }
        out.push_str("</ul>\n");
    }
    if !digest.initiatives.is_empty() {
        section(&mut out, INITIATIVES_HEADING);
        for initiative in &digest.initiatives {
            let _ = writeln!(
                out,
                "<h3 style=\"font-size:17px;margin-bottom:4px\">{} <span style=\"font-weight:normal;color:#4a5563\">({})</span></h3>",
                escape(&initiative.name),
                escape(&initiative.kind_name)
            );
            if let Some(purpose) = &initiative.purpose {
                let _ = writeln!(out, "<p style=\"margin-top:0\">{}</p>", escape(purpose));
            }
            if let Some(convener) = initiative
                .members
                .iter()
                .find(|m| m.role == crate::store::MemberRole::Tovholder)
            {
                let _ = writeln!(out, "<p>Tovholder: {}</p>", escape(&convener.name));
            }
        }
    }
    out.push_str(
        "<p style=\"color:#4a5563;font-size:13px;margin-top:32px\">Lavet med Hvem ved? – \
         find kollegerne, der ved noget om det, du står med.</p>\n</main>\n</body>\n</html>\n",
    );
    out
}

pub fn to_markdown(digest: &Digest) -> String {
    let mut out = format!("# {}\n\n", markdown_text(&title(digest)));
    if digest.is_empty() {
        out.push_str("Intet nyt i perioden.\n");
    }
    if !digest.courses.is_empty() {
        let _ = write!(out, "## {}\n\n", COURSES_HEADING);
        for course in &digest.courses {
            let _ = writeln!(out, "### {}\n", markdown_text(&course.title));
            let _ = writeln!(out, "*{}*\n", markdown_text(&course_meta(course)));
            if let Some(takeaways) = &course.key_takeaways {
                let _ = writeln!(out, "**Det tager vi med:** {}\n", markdown_text(takeaways));
            } else if let Some(summary) = &course.summary {
                let _ = writeln!(out, "{}\n", markdown_text(summary));
            }
        }
    }
    if !digest.share_backs.is_empty() {
        let _ = write!(out, "## {}\n\n", SHARE_BACKS_HEADING);
        for item in &digest.share_backs {
            let _ = writeln!(
                out,
                "- **{}**, {}: {} fortæller om {}",
                markdown_text(&share_back_day(item)),
                markdown_text(item.share_back.forum.as_deref().unwrap_or("")),
                markdown_text(&item.person_name),
                markdown_text(&item.course_title)
            );
        }
        out.push('\n');
    }
    if !digest.competences.is_empty() {
        let _ = write!(out, "## {}\n\n", COMPETENCES_HEADING);
        for skill in &digest.competences {
            let _ = writeln!(
                out,
                "- **{}**: {}",
                markdown_text(&skill.skill),
                markdown_text(&holders(skill))
            );
        }
        out.push('\n');
    }
    if !digest.initiatives.is_empty() {
        let _ = write!(out, "## {}\n\n", INITIATIVES_HEADING);
        for initiative in &digest.initiatives {
            let _ = writeln!(
                out,
                "### {} ({})\n",
                markdown_text(&initiative.name),
                markdown_text(&initiative.kind_name)
            );
            if let Some(purpose) = &initiative.purpose {
                let _ = writeln!(out, "{}\n", markdown_text(purpose));
            }
        }
    }
    out
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Text as Markdown shows it literally: the characters that would start
/// emphasis, links, headings or HTML are escaped, and line breaks inside a
/// paragraph become spaces.
fn markdown_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '<' | '>' | '|' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_the_data_stays_text_in_both_forms() {
        assert_eq!(escape("<b>\"&\"</b>"), "&lt;b&gt;&quot;&amp;&quot;&lt;/b&gt;");
        assert_eq!(
            markdown_text("*vigtigt* [link](x)\n# ikke overskrift"),
            "\\*vigtigt\\* \\[link\\](x) \\# ikke overskrift"
        );
    }

    #[test]
    fn dates_are_written_the_danish_way() {
        assert_eq!(danish_date("2026-02-03"), "3. februar 2026");
        assert_eq!(danish_date("ukendt"), "ukendt");
    }
}
