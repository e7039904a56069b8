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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Language {
    /// English.
    En,
}

impl Language {
    /// Every language.
    pub const ALL: &'static [Language] = &[Language::En];

    /// BCP 47 tag.
    pub fn tag(self) -> &'static str {
        match self {
            Language::En => "en",
        }
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
            if files.is_empty() {
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
        let bundle = self.bundle(language);
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
