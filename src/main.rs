//! The `venous-cds` command: `serve`, `check <dir>`, `validate`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use venous_cds::settings::Settings;
use venous_cds::{check, startup, telemetry};

/// mimalloc instead of glibc's allocator: a call allocates thousands of small JSON strings and
/// maps, and on the benchmark request parsing alone took 268 µs with glibc and 100 µs with
/// mimalloc (`cargo bench --bench pipeline`, docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `arena_eager_commit` option (mimalloc.h, `mi_option_e`).
const MI_OPTION_ARENA_EAGER_COMMIT: libmimalloc_sys::mi_option_t = 4;

/// Commits arena memory as it is used rather than all at once: with eager commit the idle
/// service held 38 MB resident (docs/performance.md). The option is read when the first arena
/// is made, before `main`, so this runs as an early constructor: prioritised `.init_array`
/// entries run before the unprioritised ones (mimalloc's own initialisation) and before the
/// standard library's (priority 99).
#[cfg(target_os = "linux")]
#[used]
#[link_section = ".init_array.00050"]
static COMMIT_ARENAS_LAZILY: extern "C" fn() = {
    extern "C" fn commit_arenas_lazily() {
        // SAFETY: mi_option_set only stores an option value in mimalloc's static table, which
        // needs no initialisation; it allocates nothing.
        unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_ARENA_EAGER_COMMIT, 0) };
    }
    commit_arenas_lazily
};

/// CDS Hooks 2.0 service for venous thrombosis care.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    /// Optional TOML settings file (environment variables VENOUS_CDS_* override it).
    #[arg(long, global = true, env = "VENOUS_CDS_CONFIG")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the HTTP service.
    Serve,
    /// Run every fixture under DIR through the service in-process and compare the cards.
    Check {
        /// Folder of fixtures (each with case.json, request.json, expected.json).
        dir: PathBuf,
        /// Write the actual responses as the new expected.json (review the diff!).
        #[arg(long, env = "VENOUS_CDS_UPDATE_FIXTURES")]
        update: bool,
    },
    /// Load and validate hooks/, the value sets and the card texts.
    Validate,
    /// Print the rule catalogue as a Markdown table (id, services, indicator, source).
    Rules,
    /// Override analytics from the card ledger: per rule, cards issued, accepted, overridden,
    /// acceptance rate and the top override reasons.
    Report {
        /// Window start: a date (YYYY-MM-DD) or RFC 3339 instant; default 30 days before --until.
        #[arg(long)]
        since: Option<String>,
        /// Window end (exclusive); default now.
        #[arg(long)]
        until: Option<String>,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    telemetry::init();
    let settings = match Settings::load(cli.config.as_deref()) {
        Ok(settings) => settings,
        Err(error) => {
            eprintln!("venous-cds: {error}");
            return ExitCode::from(2);
        }
    };
    match cli.command {
        Command::Serve => serve(settings),
        Command::Check { dir, update } => run_check(settings, &dir, update),
        Command::Report { since, until, json } => report(settings, since, until, json),
        Command::Rules => match venous_cds::cds::services::ServiceCatalogue::load() {
            Ok(catalogue) => {
                print!("{}", catalogue.rule_table());
                ExitCode::SUCCESS
            }
            Err(error) => {
                eprintln!("venous-cds rules: {error}");
                ExitCode::FAILURE
            }
        },
        Command::Validate => match startup::build_engine(&settings).and_then(|engine| {
            startup::build_authenticator(&settings)?;
            Ok(engine)
        }) {
            Ok(engine) => {
                println!(
                    "ok: {} services, {} rules bound, value sets and texts valid",
                    engine.catalogue.all().len(),
                    engine
                        .catalogue
                        .all()
                        .iter()
                        .map(|s| s.rules.len())
                        .sum::<usize>()
                );
                ExitCode::SUCCESS
            }
            Err(error) => {
                eprintln!("venous-cds validate: {error:#}");
                ExitCode::FAILURE
            }
        },
    }
}

fn serve(settings: Settings) -> ExitCode {
    let result = actix_web::rt::System::new().block_on(async move {
        let application = startup::Application::build(settings).await?;
        application.run_until_stopped().await?;
        Ok::<_, anyhow::Error>(())
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("venous-cds serve: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn run_check(settings: Settings, dir: &std::path::Path, update: bool) -> ExitCode {
    let engine = match startup::build_engine(&settings) {
        Ok(engine) => engine,
        Err(error) => {
            eprintln!("venous-cds check: {error:#}");
            return ExitCode::FAILURE;
        }
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let report = match runtime.block_on(check::run(&engine, dir, update)) {
        Ok(report) => report,
        Err(error) => {
            eprintln!("venous-cds check: cannot read {}: {error}", dir.display());
            return ExitCode::FAILURE;
        }
    };
    for result in &report.results {
        if result.problems.is_empty() {
            println!("ok   {}", result.path.display());
        } else {
            println!("FAIL {}", result.path.display());
            for problem in &result.problems {
                for line in problem.lines() {
                    println!("     {line}");
                }
            }
        }
    }
    let failed = report.failures().count();
    println!(
        "{} fixtures, {} passed, {} failed",
        report.results.len(),
        report.results.len() - failed,
        failed
    );
    if update {
        println!("expected.json files rewritten: review them with `git diff fixtures/`");
    }
    if report.passed() || (update && !report.results.is_empty()) {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn report(
    settings: Settings,
    since: Option<String>,
    until: Option<String>,
    json: bool,
) -> ExitCode {
    use venous_cds::cds::handlers::StatsQuery;
    let query: StatsQuery =
        match serde_json::from_value(serde_json::json!({"since": since, "until": until})) {
            Ok(query) => query,
            Err(error) => {
                eprintln!("venous-cds report: {error}");
                return ExitCode::from(2);
            }
        };
    let (since, until) = match query.window() {
        Ok(window) => window,
        Err(error) => {
            eprintln!("venous-cds report: {}", error.diagnostics);
            return ExitCode::from(2);
        }
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let result = runtime.block_on(async {
        let store = venous_cds::ledger::Store::connect(&settings.database_url.0).await?;
        let counts = store.rule_counts(since, until).await?;
        Ok::<_, venous_cds::ledger::StoreError>(venous_cds::ledger::report::Report::new(
            since, until, counts,
        ))
    });
    match result {
        Ok(report) if json => {
            println!("{}", serde_json::to_string_pretty(&report).expect("JSON"));
            ExitCode::SUCCESS
        }
        Ok(report) => {
            print!("{}", report.table());
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("venous-cds report: {error}");
            ExitCode::FAILURE
        }
    }
}
