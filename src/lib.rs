//! rift: cross-source claim reconciliation.
//!
//! Articles go through one pure stage after another (segment, extract, normalize, cluster,
//! conflict) and into the store; reports are read-only views over the store. `pipeline` is the
//! one place that composes the stages; see ARCHITECTURE.md for the map.

pub mod cli;
pub mod cluster;
pub mod conflict;
pub mod db;
pub mod error;
pub mod extract;
pub mod fixtures;
pub mod gazetteer;
pub mod generate;
pub mod ingest;
pub mod lexicon;
pub mod model;
pub mod normalize;
pub mod pipeline;
pub mod report;
pub mod segment;
