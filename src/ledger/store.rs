//! The store behind the ledger: SQLite or PostgreSQL through sqlx, with embedded migrations.
//! Queries are written once per backend (placeholders and types differ) and kept side by side.

use std::str::FromStr;
use std::time::Duration;

use chrono::{DateTime, Utc};
use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use sqlx::Row;

use super::{Feedback, IssuedCard};

/// The store could not be reached or refused a write; the message never holds patient data.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Connection, query or migration failure.
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    /// A migration failed.
    #[error("database migration: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    /// The URL names no supported database.
    #[error("VENOUS_CDS_DATABASE_URL must start with sqlite: or postgres://")]
    UnsupportedUrl,
}

/// Counts of one feedback write.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct FeedbackWrite {
    /// New items stored.
    pub stored: usize,
    /// Repeats of items already stored (counted once).
    pub duplicates: usize,
    /// Items naming a card the ledger does not know (stored and flagged).
    pub unknown_cards: usize,
    /// For each newly stored item: the card's rule (`None` for an unknown card) and outcome.
    pub stored_items: Vec<(Option<String>, String)>,
}

/// Per rule, what happened to its cards.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct RuleCounts {
    /// The rule (or `(unknown card)` for feedback on cards the ledger does not hold).
    pub rule_id: String,
    /// Cards issued.
    pub issued: i64,
    /// Cards accepted.
    pub accepted: i64,
    /// Cards overridden.
    pub overridden: i64,
    /// Override reasons, most frequent first: (code, display, count).
    pub override_reasons: Vec<(String, Option<String>, i64)>,
}

/// The ledger's database.
#[derive(Debug, Clone)]
pub enum Store {
    /// SQLite (single instance).
    Sqlite(SqlitePool),
    /// PostgreSQL (several replicas).
    Postgres(PgPool),
}

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

impl Store {
    /// Connects (creating a SQLite file when missing) and runs the migrations.
    pub async fn connect(url: &str) -> Result<Store, StoreError> {
        let store = if url.starts_with("sqlite:") {
            let options = SqliteConnectOptions::from_str(url)?
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                // Feedback is answered 200 only once it is on disk.
                .synchronous(SqliteSynchronous::Full)
                .busy_timeout(Duration::from_secs(5));
            Store::Sqlite(
                SqlitePoolOptions::new()
                    .max_connections(4)
                    .connect_with(options)
                    .await?,
            )
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Store::Postgres(
                PgPoolOptions::new()
                    .max_connections(8)
                    .acquire_timeout(Duration::from_secs(5))
                    .connect(url)
                    .await?,
            )
        } else {
            return Err(StoreError::UnsupportedUrl);
        };
        match &store {
            Store::Sqlite(pool) => SQLITE_MIGRATIONS.run(pool).await?,
            Store::Postgres(pool) => POSTGRES_MIGRATIONS.run(pool).await?,
        }
        Ok(store)
    }

    /// The backend's name, for logs.
    pub fn backend(&self) -> &'static str {
        match self {
            Store::Sqlite(_) => "sqlite",
            Store::Postgres(_) => "postgres",
        }
    }

    /// The ledger's HMAC key: kept in the database, generated on first start, so patient
    /// hashes stay stable across restarts and replicas.
    pub async fn ledger_key(&self) -> Result<Vec<u8>, StoreError> {
        let fresh = {
            use rand::RngCore;
            let mut key = [0u8; 32];
            rand::rng().fill_bytes(&mut key);
            hex::encode(key)
        };
        let value: String = match self {
            Store::Sqlite(pool) => {
                sqlx::query("INSERT INTO service_secret (name, value) VALUES ('ledger-key', ?) ON CONFLICT (name) DO NOTHING")
                    .bind(&fresh)
                    .execute(pool)
                    .await?;
                sqlx::query("SELECT value FROM service_secret WHERE name = 'ledger-key'")
                    .fetch_one(pool)
                    .await?
                    .get(0)
            }
            Store::Postgres(pool) => {
                sqlx::query("INSERT INTO service_secret (name, value) VALUES ('ledger-key', $1) ON CONFLICT (name) DO NOTHING")
                    .bind(&fresh)
                    .execute(pool)
                    .await?;
                sqlx::query("SELECT value FROM service_secret WHERE name = 'ledger-key'")
                    .fetch_one(pool)
                    .await?
                    .get(0)
            }
        };
        Ok(hex::decode(&value).unwrap_or_else(|_| value.into_bytes()))
    }

    /// Writes a batch of issued cards in one transaction.
    pub async fn insert_cards(&self, cards: &[IssuedCard]) -> Result<(), StoreError> {
        match self {
            Store::Sqlite(pool) => {
                let mut tx = pool.begin().await?;
                for card in cards {
                    sqlx::query(
                        "INSERT INTO card_ledger (card_uuid, rule_id, indicator, service_id, hook_instance, issued_at, language, patient_hash) \
                         VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (card_uuid) DO NOTHING",
                    )
                    .bind(&card.card_uuid)
                    .bind(&card.rule_id)
                    .bind(&card.indicator)
                    .bind(&card.service_id)
                    .bind(&card.hook_instance)
                    .bind(card.issued_at)
                    .bind(&card.language)
                    .bind(&card.patient_hash)
                    .execute(&mut *tx)
                    .await?;
                    for (uuid, recommended) in &card.suggestions {
                        sqlx::query("INSERT INTO card_suggestion (suggestion_uuid, card_uuid, recommended) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                            .bind(uuid)
                            .bind(&card.card_uuid)
                            .bind(recommended)
                            .execute(&mut *tx)
                            .await?;
                    }
                }
                tx.commit().await?;
            }
            Store::Postgres(pool) => {
                let mut tx = pool.begin().await?;
                for card in cards {
                    sqlx::query(
                        "INSERT INTO card_ledger (card_uuid, rule_id, indicator, service_id, hook_instance, issued_at, language, patient_hash) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (card_uuid) DO NOTHING",
                    )
                    .bind(&card.card_uuid)
                    .bind(&card.rule_id)
                    .bind(&card.indicator)
                    .bind(&card.service_id)
                    .bind(&card.hook_instance)
                    .bind(card.issued_at)
                    .bind(&card.language)
                    .bind(&card.patient_hash)
                    .execute(&mut *tx)
                    .await?;
                    for (uuid, recommended) in &card.suggestions {
                        sqlx::query("INSERT INTO card_suggestion (suggestion_uuid, card_uuid, recommended) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
                            .bind(uuid)
                            .bind(&card.card_uuid)
                            .bind(recommended)
                            .execute(&mut *tx)
                            .await?;
                    }
                }
                tx.commit().await?;
            }
        }
        Ok(())
    }

    /// Stores feedback durably (one transaction); repeats count once; unknown cards are flagged.
    pub async fn insert_feedback(&self, items: &[Feedback]) -> Result<FeedbackWrite, StoreError> {
        let mut counts = FeedbackWrite::default();
        macro_rules! write_all {
            ($pool:expr, $known:expr, $insert:expr) => {{
                let mut tx = $pool.begin().await?;
                for item in items {
                    let rule: Option<String> = sqlx::query($known)
                        .bind(&item.card_uuid)
                        .fetch_optional(&mut *tx)
                        .await?
                        .map(|row| row.get(0));
                    let known = rule.is_some();
                    let suggestions = serde_json::to_string(&item.accepted_suggestions)
                        .expect("strings serialise");
                    let result = sqlx::query($insert)
                        .bind(item.dedupe_key())
                        .bind(&item.service_id)
                        .bind(&item.card_uuid)
                        .bind(&item.outcome)
                        .bind(suggestions)
                        .bind(&item.override_system)
                        .bind(&item.override_code)
                        .bind(&item.override_display)
                        .bind(&item.user_comment)
                        .bind(item.outcome_timestamp)
                        .bind(item.received_at)
                        .bind(&item.issuer)
                        .bind(known)
                        .execute(&mut *tx)
                        .await?;
                    if result.rows_affected() == 0 {
                        counts.duplicates += 1;
                    } else {
                        counts.stored += 1;
                        if !known {
                            counts.unknown_cards += 1;
                        }
                        counts.stored_items.push((rule, item.outcome.clone()));
                    }
                }
                tx.commit().await?;
            }};
        }
        match self {
            Store::Sqlite(pool) => write_all!(
                pool,
                "SELECT rule_id FROM card_ledger WHERE card_uuid = ?",
                "INSERT INTO feedback (dedupe_key, service_id, card_uuid, outcome, accepted_suggestions, override_system, \
                 override_code, override_display, user_comment, outcome_timestamp, received_at, issuer, known_card) \
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (dedupe_key) DO NOTHING"
            ),
            Store::Postgres(pool) => write_all!(
                pool,
                "SELECT rule_id FROM card_ledger WHERE card_uuid = $1",
                "INSERT INTO feedback (dedupe_key, service_id, card_uuid, outcome, accepted_suggestions, override_system, \
                 override_code, override_display, user_comment, outcome_timestamp, received_at, issuer, known_card) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT (dedupe_key) DO NOTHING"
            ),
        }
        Ok(counts)
    }

    /// Records a JWT id until it expires; false when it was already recorded (a replay, possibly
    /// to another replica).
    pub async fn record_jti(
        &self,
        issuer: &str,
        jti: &str,
        expires_at: i64,
        now: i64,
    ) -> Result<bool, StoreError> {
        let inserted = match self {
            Store::Sqlite(pool) => {
                sqlx::query("DELETE FROM seen_jti WHERE expires_at < ?")
                    .bind(now - 60)
                    .execute(pool)
                    .await?;
                sqlx::query("INSERT INTO seen_jti (issuer, jti, expires_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                    .bind(issuer)
                    .bind(jti)
                    .bind(expires_at)
                    .execute(pool)
                    .await?
                    .rows_affected()
            }
            Store::Postgres(pool) => {
                sqlx::query("DELETE FROM seen_jti WHERE expires_at < $1")
                    .bind(now - 60)
                    .execute(pool)
                    .await?;
                sqlx::query("INSERT INTO seen_jti (issuer, jti, expires_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
                    .bind(issuer)
                    .bind(jti)
                    .bind(expires_at)
                    .execute(pool)
                    .await?
                    .rows_affected()
            }
        };
        Ok(inserted == 1)
    }

    /// Per rule: cards issued in `[since, until)` and the feedback on them; feedback received
    /// in the window on cards the ledger does not hold is reported as `(unknown card)`.
    pub async fn rule_counts(
        &self,
        since: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> Result<Vec<RuleCounts>, StoreError> {
        const UNKNOWN: &str = "(unknown card)";
        let (issued, outcomes, reasons) = match self {
            Store::Sqlite(pool) => (
                sqlx::query("SELECT rule_id, COUNT(*) FROM card_ledger WHERE issued_at >= ? AND issued_at < ? GROUP BY rule_id")
                    .bind(since)
                    .bind(until)
                    .fetch_all(pool)
                    .await?
                    .iter()
                    .map(|r| (r.get::<String, _>(0), r.get::<i64, _>(1)))
                    .collect::<Vec<_>>(),
                sqlx::query(
                    "SELECT COALESCE(l.rule_id, ?), f.outcome, COUNT(DISTINCT f.card_uuid) FROM feedback f \
                     LEFT JOIN card_ledger l ON l.card_uuid = f.card_uuid \
                     WHERE (l.issued_at >= ? AND l.issued_at < ?) OR (l.card_uuid IS NULL AND f.received_at >= ? AND f.received_at < ?) \
                     GROUP BY 1, 2",
                )
                .bind(UNKNOWN)
                .bind(since)
                .bind(until)
                .bind(since)
                .bind(until)
                .fetch_all(pool)
                .await?
                .iter()
                .map(|r| (r.get::<String, _>(0), r.get::<String, _>(1), r.get::<i64, _>(2)))
                .collect::<Vec<_>>(),
                sqlx::query(
                    "SELECT COALESCE(l.rule_id, ?), f.override_code, MAX(f.override_display), COUNT(DISTINCT f.card_uuid) FROM feedback f \
                     LEFT JOIN card_ledger l ON l.card_uuid = f.card_uuid \
                     WHERE f.outcome = 'overridden' AND f.override_code IS NOT NULL \
                       AND ((l.issued_at >= ? AND l.issued_at < ?) OR (l.card_uuid IS NULL AND f.received_at >= ? AND f.received_at < ?)) \
                     GROUP BY 1, 2",
                )
                .bind(UNKNOWN)
                .bind(since)
                .bind(until)
                .bind(since)
                .bind(until)
                .fetch_all(pool)
                .await?
                .iter()
                .map(|r| (r.get::<String, _>(0), r.get::<String, _>(1), r.get::<Option<String>, _>(2), r.get::<i64, _>(3)))
                .collect::<Vec<_>>(),
            ),
            Store::Postgres(pool) => (
                sqlx::query("SELECT rule_id, COUNT(*) FROM card_ledger WHERE issued_at >= $1 AND issued_at < $2 GROUP BY rule_id")
                    .bind(since)
                    .bind(until)
                    .fetch_all(pool)
                    .await?
                    .iter()
                    .map(|r| (r.get::<String, _>(0), r.get::<i64, _>(1)))
                    .collect::<Vec<_>>(),
                sqlx::query(
                    "SELECT COALESCE(l.rule_id, $1), f.outcome, COUNT(DISTINCT f.card_uuid) FROM feedback f \
                     LEFT JOIN card_ledger l ON l.card_uuid = f.card_uuid \
                     WHERE (l.issued_at >= $2 AND l.issued_at < $3) OR (l.card_uuid IS NULL AND f.received_at >= $2 AND f.received_at < $3) \
                     GROUP BY 1, 2",
                )
                .bind(UNKNOWN)
                .bind(since)
                .bind(until)
                .fetch_all(pool)
                .await?
                .iter()
                .map(|r| (r.get::<String, _>(0), r.get::<String, _>(1), r.get::<i64, _>(2)))
                .collect::<Vec<_>>(),
                sqlx::query(
                    "SELECT COALESCE(l.rule_id, $1), f.override_code, MAX(f.override_display), COUNT(DISTINCT f.card_uuid) FROM feedback f \
                     LEFT JOIN card_ledger l ON l.card_uuid = f.card_uuid \
                     WHERE f.outcome = 'overridden' AND f.override_code IS NOT NULL \
                       AND ((l.issued_at >= $2 AND l.issued_at < $3) OR (l.card_uuid IS NULL AND f.received_at >= $2 AND f.received_at < $3)) \
                     GROUP BY 1, 2",
                )
                .bind(UNKNOWN)
                .bind(since)
                .bind(until)
                .fetch_all(pool)
                .await?
                .iter()
                .map(|r| (r.get::<String, _>(0), r.get::<String, _>(1), r.get::<Option<String>, _>(2), r.get::<i64, _>(3)))
                .collect::<Vec<_>>(),
            ),
        };
        let mut rules: std::collections::BTreeMap<String, RuleCounts> =
            std::collections::BTreeMap::new();
        fn counts_of<'m>(
            rules: &'m mut std::collections::BTreeMap<String, RuleCounts>,
            rule: &str,
        ) -> &'m mut RuleCounts {
            rules.entry(rule.to_owned()).or_insert_with(|| RuleCounts {
                rule_id: rule.to_owned(),
                issued: 0,
                accepted: 0,
                overridden: 0,
                override_reasons: Vec::new(),
            })
        }
        for (rule, count) in issued {
            counts_of(&mut rules, &rule).issued = count;
        }
        for (rule, outcome, count) in outcomes {
            let counts = counts_of(&mut rules, &rule);
            match outcome.as_str() {
                "accepted" => counts.accepted += count,
                "overridden" => counts.overridden += count,
                _ => {}
            }
        }
        for (rule, code, display, count) in reasons {
            counts_of(&mut rules, &rule)
                .override_reasons
                .push((code, display, count));
        }
        let mut out: Vec<RuleCounts> = rules.into_values().collect();
        for counts in &mut out {
            counts
                .override_reasons
                .sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
        }
        Ok(out)
    }
}
