//! rift: cross-source claim reconciliation.
//!
//! Articles go through one pure stage after another (segment, extract, normalize, cluster,
//! conflict) and into the store; reports are read-only views over the store. `pipeline` is the
//! one place that composes the stages; see ARCHITECTURE.md for the map.

pub mod error;
pub mod gazetteer;
pub mod model;
