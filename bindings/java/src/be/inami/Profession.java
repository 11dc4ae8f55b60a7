package be.inami;

import be.inami.swig.inami_native;

/** The professions that have a statut social, with the library's text ids and ABI codes. */
public enum Profession implements Identified {
    /** Kinésithérapeute / kinesitherapeut ("physiotherapist"). */
    PHYSIOTHERAPIST("physiotherapist", 1),
    /** Médecin / arts ("doctor"). */
    DOCTOR("doctor", 2),
    /** Dentiste / tandarts ("dentist"). */
    DENTIST("dentist", 3),
    /** Pharmacien / apotheker ("pharmacist"). */
    PHARMACIST("pharmacist", 4),
    /** Logopède / logopedist ("speech_therapist"). */
    SPEECH_THERAPIST("speech_therapist", 5),
    /** Infirmier / verpleegkundige ("nurse"). */
    NURSE("nurse", 6),
    /** Sage-femme / vroedvrouw ("midwife"), since premium year 2023. */
    MIDWIFE("midwife", 7);

    private final String id;
    private final int code;

    Profession(String id, int code) {
        this.id = id;
        this.code = code;
    }

    /** @return the text id used in files and on the command line ("speech_therapist") */
    @Override
    public String id() {
        return id;
    }

    /** @return the C enum value (inami_profession) */
    @Override
    public int code() {
        return code;
    }

    /**
     * The profession of a text id.
     *
     * @param id "physiotherapist", "doctor", ...
     * @return the profession
     * @throws InamiException ENOPROFESSION naming the accepted ids
     */
    public static Profession fromId(String id) {
        if (id == null) {
            throw new InamiException(InamiException.ENULL, "profession id must not be null");
        }
        for (Profession p : values()) {
            if (p.id.equals(id)) {
                return p;
            }
        }
        // The library's own message lists the accepted ids.
        return fromCode(inami_native.inami_swig_profession_from_id(id));
    }

    /**
     * @param code a C enum value
     * @return the profession
     * @throws InamiException ENOPROFESSION for an unknown code
     */
    public static Profession fromCode(int code) {
        for (Profession p : values()) {
            if (p.code == code) {
                return p;
            }
        }
        throw new InamiException(InamiException.ENOPROFESSION, "unknown profession code " + code);
    }

    @Override
    public String toString() {
        return id;
    }
}
