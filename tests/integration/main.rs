//! The integration test binary: the engine run as users run it, over the project's own
//! fixtures (and over ../shared where it is present).

mod common;

mod bad_input;
mod browser;
mod commands;
mod durability;
mod gold;
mod properties;
mod snapshots;
