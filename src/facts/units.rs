//! Unit conversions for the quantities the facts compare (UCUM codes and the unit strings
//! senders use). A unit not listed here is unknown: the caller records a data issue rather
//! than guess.

/// D-dimer reporting basis (terminology.md §5: FEU is about 2× DDU; never converted into
/// each other).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DDimerBasis {
    /// Fibrinogen-equivalent units.
    Feu,
    /// D-dimer units.
    Ddu,
}

/// The basis an annotated unit names (`{FEU}` / `{DDU}`), if any.
pub fn d_dimer_basis_of_unit(unit: &str) -> Option<DDimerBasis> {
    let upper = unit.to_ascii_uppercase();
    match (upper.contains("FEU"), upper.contains("DDU")) {
        (true, false) => Some(DDimerBasis::Feu),
        (false, true) => Some(DDimerBasis::Ddu),
        _ => None,
    }
}

/// Strips UCUM annotations (`{FEU}`) and spaces, for matching the mass/volume part.
fn bare(unit: &str) -> String {
    let mut out = String::with_capacity(unit.len());
    let mut depth = 0;
    for c in unit.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ' ' => {}
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.replace(['µ', 'μ'], "u")
}

/// A mass concentration in ng/mL (= µg/L). The D-dimer basis may be written as a UCUM
/// annotation (`mg{FEU}/L`) or, as many laboratories send it in `unit`, as a word
/// (`mg/L FEU`, `ug FEU/mL`): both are stripped here and read by [`d_dimer_basis_of_unit`].
pub fn mass_concentration_ng_per_ml(value: f64, unit: &str) -> Option<f64> {
    let key = bare(unit)
        .to_ascii_lowercase()
        .replace("feu", "")
        .replace("ddu", "");
    let factor = match key.as_str() {
        "ng/ml" | "ug/l" | "mcg/l" => 1.0,
        "mg/l" | "ug/ml" | "mcg/ml" => 1000.0,
        "mg/dl" => 10_000.0,
        "ng/l" | "pg/ml" => 0.001,
        _ => return None,
    };
    Some(value * factor)
}

/// A platelet count in 10⁹/L.
pub fn platelets_per_nanolitre(value: f64, unit: &str) -> Option<f64> {
    // `10^9/L` and the laboratory spelling `x10E9/L` (LabCorp, many LIS exports) are the
    // UCUM `10*9/L`.
    let key = bare(unit)
        .to_ascii_lowercase()
        .replace('^', "*")
        .replace("10e", "10*");
    let key = key.strip_prefix('x').unwrap_or(&key);
    let factor = match key {
        "10*9/l" | "10*3/ul" | "10*3/mm3" | "/nl" | "k/ul" | "thou/ul" | "10*3/mcl" => 1.0,
        "/ul" | "/mm3" | "/mcl" => 0.001,
        "10*4/ul" => 10.0,
        _ => return None,
    };
    Some(value * factor)
}

/// A length in mm.
pub fn length_mm(value: f64, unit: &str) -> Option<f64> {
    match bare(unit).to_ascii_lowercase().as_str() {
        "mm" => Some(value),
        "cm" => Some(value * 10.0),
        "m" => Some(value * 1000.0),
        _ => None,
    }
}

/// A renal clearance or eGFR in mL/min (eGFR per 1.73 m² is read as is).
pub fn clearance_ml_per_min(value: f64, unit: &str) -> Option<f64> {
    let key = bare(unit).to_ascii_lowercase().replace(' ', "");
    let per_minute = key.starts_with("ml/min");
    let per_second = key.starts_with("ml/s");
    let rest = if per_minute {
        &key["ml/min".len()..]
    } else if per_second {
        &key["ml/s".len()..]
    } else {
        return None;
    };
    // `{1.73_m2}` is an annotation and is stripped, leaving a bare `/`.
    let normalised_area = matches!(
        rest,
        "" | "/" | "/1.73m2" | "/1.73_m2" | "/1.73.m2" | "/1.73m^2"
    );
    if !normalised_area {
        return None;
    }
    Some(if per_second { value * 60.0 } else { value })
}

/// A body weight in kg.
pub fn weight_kg(value: f64, unit: &str) -> Option<f64> {
    match bare(unit).to_ascii_lowercase().as_str() {
        "kg" => Some(value),
        "g" => Some(value / 1000.0),
        "[lb_av]" | "lb" | "lbs" => Some(value * 0.453_592_37),
        _ => None,
    }
}

/// A duration in days (UCUM `d`, `wk`, `mo`, `a`, `h`, `min`, and common words).
pub fn duration_days(value: f64, unit: &str) -> Option<f64> {
    let factor = match bare(unit).to_ascii_lowercase().as_str() {
        "d" | "day" | "days" => 1.0,
        "wk" | "week" | "weeks" => 7.0,
        "mo" | "month" | "months" => 30.4375,
        "a" | "year" | "years" => 365.25,
        "h" | "hour" | "hours" => 1.0 / 24.0,
        "min" | "minute" | "minutes" => 1.0 / 1440.0,
        _ => return None,
    };
    Some(value * factor)
}

/// A drug amount in mg (`mg`, `g`, `ug`).
pub fn mass_mg(value: f64, unit: &str) -> Option<f64> {
    match bare(unit).to_ascii_lowercase().as_str() {
        "mg" => Some(value),
        "g" => Some(value * 1000.0),
        "ug" | "mcg" => Some(value / 1000.0),
        _ => None,
    }
}

/// A heparin amount in international units (`[iU]`, `[IU]`, `U`, `{U}`, `units`).
pub fn international_units(value: f64, unit: &str) -> Option<f64> {
    let raw = unit.trim();
    let key = raw.to_ascii_lowercase();
    match key.as_str() {
        "[iu]" | "iu" | "u" | "{u}" | "unit" | "units" | "[u]" | "unt" => Some(value),
        "k[iu]" | "kiu" | "ku" => Some(value * 1000.0),
        _ => None,
    }
}

/// A volume in mL.
pub fn volume_ml(value: f64, unit: &str) -> Option<f64> {
    match bare(unit).to_ascii_lowercase().as_str() {
        "ml" => Some(value),
        "l" => Some(value * 1000.0),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn d_dimer_units_convert_to_ng_per_ml_with_their_annotations_stripped() {
        assert_eq!(mass_concentration_ng_per_ml(0.5, "mg{FEU}/L"), Some(500.0));
        assert_eq!(mass_concentration_ng_per_ml(0.5, "ug/mL{FEU}"), Some(500.0));
        assert_eq!(
            mass_concentration_ng_per_ml(250.0, "ng/mL{DDU}"),
            Some(250.0)
        );
        assert_eq!(
            mass_concentration_ng_per_ml(250.0, "ug/L{DDU}"),
            Some(250.0)
        );
        assert_eq!(mass_concentration_ng_per_ml(1.0, "µg/mL"), Some(1000.0));
        assert_eq!(mass_concentration_ng_per_ml(1.0, "mmol/L"), None);
        assert_eq!(d_dimer_basis_of_unit("ng{FEU}/mL"), Some(DDimerBasis::Feu));
        assert_eq!(d_dimer_basis_of_unit("ug/L{DDU}"), Some(DDimerBasis::Ddu));
        assert_eq!(d_dimer_basis_of_unit("ng/mL"), None);
    }

    #[test]
    fn platelet_counts_convert_to_ten_to_the_ninth_per_litre() {
        assert_eq!(platelets_per_nanolitre(49.0, "10*3/uL"), Some(49.0));
        assert_eq!(platelets_per_nanolitre(49.0, "10*9/L"), Some(49.0));
        assert_eq!(platelets_per_nanolitre(49.0, "10^9/L"), Some(49.0));
        assert_eq!(platelets_per_nanolitre(49000.0, "/uL"), Some(49.0));
        assert_eq!(platelets_per_nanolitre(4.9, "10*4/uL"), Some(49.0));
        assert_eq!(platelets_per_nanolitre(49.0, "%"), None);
    }

    #[test]
    fn lengths_clearances_weights_and_durations_convert() {
        assert_eq!(length_mm(5.1, "cm"), Some(51.0));
        assert_eq!(length_mm(8.0, "mm"), Some(8.0));
        assert_eq!(clearance_ml_per_min(29.0, "mL/min"), Some(29.0));
        assert_eq!(clearance_ml_per_min(29.0, "mL/min/{1.73_m2}"), Some(29.0));
        assert_eq!(clearance_ml_per_min(0.5, "mL/s"), Some(30.0));
        assert_eq!(clearance_ml_per_min(29.0, "mg/dL"), None);
        assert_eq!(weight_kg(132.0, "[lb_av]").map(|v| v.round()), Some(60.0));
        assert_eq!(duration_days(3.0, "mo").map(|v| v.round()), Some(91.0));
        assert_eq!(duration_days(6.0, "wk"), Some(42.0));
        assert_eq!(international_units(7500.0, "[iU]"), Some(7500.0));
        assert_eq!(mass_mg(0.02, "g"), Some(20.0));
    }
}
