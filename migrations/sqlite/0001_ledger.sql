-- The card ledger, feedback, the ledger's own secret, and seen JWT ids.
CREATE TABLE card_ledger (
    card_uuid     TEXT PRIMARY KEY,
    rule_id       TEXT NOT NULL,
    indicator     TEXT NOT NULL,
    service_id    TEXT NOT NULL,
    hook_instance TEXT NOT NULL,
    issued_at     TEXT NOT NULL,
    language      TEXT NOT NULL,
    patient_hash  TEXT NOT NULL
);
CREATE INDEX card_ledger_issued_at ON card_ledger (issued_at);
CREATE INDEX card_ledger_rule ON card_ledger (rule_id);

CREATE TABLE card_suggestion (
    suggestion_uuid TEXT PRIMARY KEY,
    card_uuid       TEXT NOT NULL,
    recommended     INTEGER NOT NULL
);
CREATE INDEX card_suggestion_card ON card_suggestion (card_uuid);

CREATE TABLE feedback (
    id                   INTEGER PRIMARY KEY AUTOINCREMENT,
    dedupe_key           TEXT NOT NULL UNIQUE,
    service_id           TEXT NOT NULL,
    card_uuid            TEXT NOT NULL,
    outcome              TEXT NOT NULL,
    accepted_suggestions TEXT NOT NULL,
    override_system      TEXT,
    override_code        TEXT,
    override_display     TEXT,
    user_comment         TEXT,
    outcome_timestamp    TEXT NOT NULL,
    received_at          TEXT NOT NULL,
    issuer               TEXT,
    known_card           INTEGER NOT NULL
);
CREATE INDEX feedback_card ON feedback (card_uuid);

CREATE TABLE service_secret (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE seen_jti (
    issuer     TEXT NOT NULL,
    jti        TEXT NOT NULL,
    expires_at BIGINT NOT NULL,
    PRIMARY KEY (issuer, jti)
);
