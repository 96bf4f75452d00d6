//! The JSON bundle that carries a directory in and out
//! (`shared/spec/bundle-format.md`): its types and its validation.

pub mod types;
mod validate;

pub use types::{Bundle, BundleCourse, BundlePerson, BundleSkill};
pub use validate::parse_bundle;
