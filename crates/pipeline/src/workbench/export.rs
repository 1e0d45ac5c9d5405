//! Exports from the web UI: every file `dossier build` writes, for the whole case or for one
//! entity (the case built again from the claims of the assertions it is a party to, with
//! the documents they cite).

use std::collections::BTreeSet;

use super::Workbench;
use crate::Error;

/// The files an export offers, as `dossier build` names them.
pub const EXPORTS: [&str; 10] = report::FILES;

impl Workbench {
    /// One export file of the whole case (`entity` `None`) or of one entity, by its name
    /// in [`EXPORTS`].
    pub fn export(&mut self, entity: Option<&str>, name: &str) -> Result<String, Error> {
        if !EXPORTS.contains(&name) {
            return Err(Error::NotFound(format!(
                "no export {name:?}: one of {}",
                EXPORTS.join(", ")
            )));
        }
        let built = self.built()?;
        let case = &built.case;
        let Some(id) = entity else {
            return Ok(report::render(case, name).expect("a listed export renders"));
        };
        if !built.index.entity.contains_key(id) {
            return Err(Error::NotFound(format!(
                "no entity {id} in the case: it may have been merged; search for it by name"
            )));
        }
        let claims: BTreeSet<String> = built
            .index
            .assertions
            .get(id)
            .into_iter()
            .flatten()
            .flat_map(|&i| case.assertions[i].claims.iter().cloned())
            .collect();
        let keep = |c: &claims::Claim| claims.contains(&c.id);
        let sub = crate::case::case_of(&self.store, &self.aliases, Some(&keep))?;
        Ok(report::render(&sub, name).expect("a listed export renders"))
    }
}
