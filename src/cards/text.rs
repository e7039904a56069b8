//! Card texts through Mozilla Fluent: one bundle per language, built once, shared.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use include_dir::{include_dir, Dir};
use unic_langid::LanguageIdentifier;

use crate::guidelines::Arg;

/// `locales/<language>/*.ftl`: `cards.ftl` holds the shared messages, one file per guideline
/// module holds its rules' messages.
static LOCALES: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/locales");

/// A language cards are written in.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// English.
    #[default]
    En,
    /// Japanese.
    Ja,
    /// Simplified Chinese.
    Zh,
}

impl Language {
    /// Every language.
    pub const ALL: &'static [Language] = &[Language::En, Language::Ja, Language::Zh];

    /// BCP 47 tag.
    pub fn tag(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Ja => "ja",
            Language::Zh => "zh",
        }
    }

    /// The language a BCP 47 tag asks for, if the service writes it: `en*`, `ja*`, and
    /// Simplified Chinese (`zh`, `zh-CN`, `zh-SG`, `zh-Hans*`; not `zh-TW`, `zh-HK`, `zh-MO`,
    /// `zh-Hant*`, which are Traditional).
    pub fn from_tag(tag: &str) -> Option<Language> {
        let tag = tag.trim().to_ascii_lowercase().replace('_', "-");
        let mut parts = tag.split('-');
        match parts.next()? {
            "en" => Some(Language::En),
            "ja" => Some(Language::Ja),
            "zh" => {
                let rest: Vec<&str> = parts.collect();
                let traditional = rest
                    .iter()
                    .any(|p| matches!(*p, "hant" | "tw" | "hk" | "mo"));
                (!traditional).then_some(Language::Zh)
            }
            _ => None,
        }
    }

    /// The best language for an `Accept-Language` header (q-values honoured, `*` = the
    /// default), else `default`.
    pub fn negotiate(accept_language: Option<&str>, default: Language) -> Language {
        let Some(header) = accept_language else {
            return default;
        };
        let mut ranges: Vec<(f32, usize, Option<Language>)> = header
            .split(',')
            .enumerate()
            .filter_map(|(index, item)| {
                let mut fields = item.split(';');
                let range = fields.next()?.trim();
                if range.is_empty() {
                    return None;
                }
                let q = fields
                    .filter_map(|f| f.trim().strip_prefix("q="))
                    .find_map(|q| q.trim().parse::<f32>().ok())
                    .unwrap_or(1.0);
                let language = if range == "*" {
                    Some(default)
                } else {
                    Language::from_tag(range)
                };
                (q > 0.0).then_some((q, index, language))
            })
            .collect();
        // Highest q first; the header's order among equals.
        ranges.sort_by(|a, b| {
            b.0.partial_cmp(&a.0)
                .unwrap_or(std::cmp::Ordering::Equal)
                .then(a.1.cmp(&b.1))
        });
        ranges
            .into_iter()
            .find_map(|(_, _, language)| language)
            .unwrap_or(default)
    }

    /// The message files of this language, `(file name, text)`, sorted by name.
    fn sources(self) -> Vec<(&'static str, &'static str)> {
        let mut files: Vec<(&'static str, &'static str)> = LOCALES
            .get_dir(self.tag())
            .map(|dir| {
                dir.files()
                    .filter(|f| f.path().extension().is_some_and(|e| e == "ftl"))
                    .filter_map(|f| Some((f.path().to_str()?, f.contents_utf8()?)))
                    .collect()
            })
            .unwrap_or_default();
        files.sort();
        files
    }
}

/// The compiled messages of every language.
pub struct Texts {
    bundles: Vec<(Language, FluentBundle<FluentResource>)>,
}

/// A message file does not parse or repeats a message id; names the file and the problem.
#[derive(Debug, thiserror::Error)]
#[error("locales/{file}: {problem}")]
pub struct TextError {
    file: String,
    problem: String,
}

impl Texts {
    /// Parses every language's messages.
    pub fn load() -> Result<Texts, TextError> {
        let mut bundles = Vec::new();
        for language in Language::ALL {
            let id: LanguageIdentifier = language.tag().parse().map_err(|e| TextError {
                file: language.tag().to_owned(),
                problem: format!("{e:?}"),
            })?;
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            // Card texts are plain text and Markdown: no bidi isolation marks around values.
            bundle.set_use_isolating(false);
            let files = language.sources();
            if files.is_empty() && *language == Language::En {
                return Err(TextError {
                    file: language.tag().to_owned(),
                    problem: "no .ftl files".into(),
                });
            }
            for (file, text) in files {
                let error = |problem: String| TextError {
                    file: file.to_owned(),
                    problem,
                };
                let resource = FluentResource::try_new(text.to_owned())
                    .map_err(|(_, errors)| error(format!("{errors:?}")))?;
                bundle
                    .add_resource(resource)
                    .map_err(|errors| error(format!("{errors:?}")))?;
            }
            bundles.push((*language, bundle));
        }
        Ok(Texts { bundles })
    }

    fn bundle(&self, language: Language) -> &FluentBundle<FluentResource> {
        &self
            .bundles
            .iter()
            .find(|(l, _)| *l == language)
            .expect("every language is loaded")
            .1
    }

    /// Whether `id` exists in `language`.
    pub fn has(&self, language: Language, id: &str) -> bool {
        self.bundle(language).has_message(id)
    }

    /// Formats message `id` with `args`; terms among the args are translated first. A missing
    /// message yields its id in brackets (a test keeps every id present).
    pub fn format(&self, language: Language, id: &str, args: &[(&str, Arg)]) -> String {
        let mut bundle = self.bundle(language);
        if language != Language::En && !bundle.has_message(id) {
            bundle = self.bundle(Language::En);
        }
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
            return format!("[{id}]");
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            let value = match value {
                Arg::Term(term) => FluentValue::from(self.format(language, term, &[])),
                Arg::Number(n) => FluentValue::from(*n),
                Arg::Date(d) => FluentValue::from(d.format("%Y-%m-%d").to_string()),
                Arg::Literal(text) => FluentValue::from(text.clone()),
            };
            fluent_args.set(*name, value);
        }
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
        text.into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_picks_the_best_written_language() {
        let en = Language::En;
        assert_eq!(Language::negotiate(None, en), en);
        assert_eq!(Language::negotiate(Some("ja"), en), Language::Ja);
        assert_eq!(
            Language::negotiate(Some("ja-JP,ja;q=0.9,en;q=0.8"), en),
            Language::Ja
        );
        assert_eq!(Language::negotiate(Some("zh-CN"), en), Language::Zh);
        assert_eq!(Language::negotiate(Some("zh-Hans-CN"), en), Language::Zh);
        assert_eq!(Language::negotiate(Some("zh"), en), Language::Zh);
        assert_eq!(
            Language::negotiate(Some("zh-TW"), en),
            en,
            "Traditional Chinese is not written"
        );
        assert_eq!(
            Language::negotiate(Some("fr, zh-TW;q=0.9, ja;q=0.5"), en),
            Language::Ja
        );
        assert_eq!(
            Language::negotiate(Some("en;q=0.3, zh-CN;q=0.8"), en),
            Language::Zh
        );
        assert_eq!(Language::negotiate(Some("ja;q=0"), en), en);
        assert_eq!(
            Language::negotiate(Some("de, *;q=0.1"), Language::Ja),
            Language::Ja
        );
        assert_eq!(Language::negotiate(Some("garbage;;;,"), en), en);
    }
}
