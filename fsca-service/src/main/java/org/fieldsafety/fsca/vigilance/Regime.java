package org.fieldsafety.fsca.vigilance;

/** The reporting regimes a vigilance report answers to; the names of the first two are triage's. */
public enum Regime {
    /** The EU Medical Device Regulation (EU) 2017/745. */
    EU_MDR,
    /** US FDA, 21 CFR 803 (medical device reporting) and 806 (corrections and removals). */
    US_FDA,
    /** Great Britain, UK Medical Devices Regulations 2002 Part 4A (MHRA). */
    UK_MHRA,
    /** Canada, Medical Devices Regulations SOR/98-282 (Health Canada). */
    CA_HC,
    /** Australia, Therapeutic Goods (Medical Devices) Regulations 2002 (TGA). */
    AU_TGA
}
