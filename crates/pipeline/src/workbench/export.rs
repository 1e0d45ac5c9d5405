//! Exports from the web UI: every file `dossier build` writes, for the whole case or for one
//! entity (the case built again from the claims of the assertions it is a party to, with
//! the documents they cite), and the case file as `build -o` writes it, split into parts
//! when it is large, as one zip archive.

use std::collections::BTreeSet;

use super::Workbench;
use crate::Error;

/// The files an export offers, as `dossier build` names them, then the case file's archive
/// (`index.html` alone is one page however large the case; the archive holds the index,
/// parts and sources that `build -o` writes past [`report::html::PART_SECTIONS`] sections or
/// [`report::html::PART_BYTES`]).
pub const EXPORTS: [&str; 11] = {
    let mut all = [report::archive::CASE_ZIP; 11];
    let mut i = 0;
    while i < report::FILES.len() {
        all[i] = report::FILES[i];
        i += 1;
    }
    all
};

impl Workbench {
    /// One export file of the whole case (`entity` `None`) or of one entity, by its name
    /// in [`EXPORTS`], as bytes (the archive is binary; the others are UTF-8).
    pub fn export(&mut self, entity: Option<&str>, name: &str) -> Result<Vec<u8>, Error> {
        if !EXPORTS.contains(&name) {
            return Err(Error::NotFound(format!(
                "no export {name:?}: one of {}",
                EXPORTS.join(", ")
            )));
        }
        let built = self.built()?;
        let case = &built.case;
        let Some(id) = entity else {
            return render(case, name);
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
        render(&sub, name)
    }
}

/// One listed export of `case`.
fn render(case: &fuse::Case, name: &str) -> Result<Vec<u8>, Error> {
    if name == report::archive::CASE_ZIP {
        return Ok(report::archive::case_file_zip(case)?);
    }
    Ok(report::render(case, name).expect("a listed export renders").into_bytes())
}
