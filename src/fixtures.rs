//! The project's fixture articles (written for rift, see `fixtures/README.md`), compiled in as
//! the default data of `rift demo`.

include!(concat!(env!("OUT_DIR"), "/fixtures.rs"));
