//! Fact tests live in `tests/` (table-driven, over the built-in knowledge).
