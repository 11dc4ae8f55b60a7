package be.inami;

import be.inami.swig.inami_native;
import be.inami.swig.inami_profession;

/** The professions that have a statut social, with the library's text ids and ABI codes. */
public enum Profession implements Identified {
    /** Kinésithérapeute / kinesitherapeut ("physiotherapist"). */
    PHYSIOTHERAPIST(inami_profession.INAMI_PHYSIOTHERAPIST),
    /** Médecin / arts ("doctor"). */
    DOCTOR(inami_profession.INAMI_DOCTOR),
    /** Dentiste / tandarts ("dentist"). */
    DENTIST(inami_profession.INAMI_DENTIST),
    /** Pharmacien / apotheker ("pharmacist"). */
    PHARMACIST(inami_profession.INAMI_PHARMACIST),
    /** Logopède / logopedist ("speech_therapist"). */
    SPEECH_THERAPIST(inami_profession.INAMI_SPEECH_THERAPIST),
    /** Infirmier / verpleegkundige ("nurse"). */
    NURSE(inami_profession.INAMI_NURSE),
    /** Sage-femme / vroedvrouw ("midwife"), since premium year 2023. */
    MIDWIFE(inami_profession.INAMI_MIDWIFE);

    private final int code;

    Profession(int code) {
        this.code = code;
    }

    /** @return the key letter its thresholds count (M, R, V), or empty for a profession without one */
    public java.util.Optional<KeyLetter> keyLetter() {
        try {
            return java.util.Optional.of(KeyLetter.fromCode(inami_native.inami_swig_key_letter_of_profession(code)));
        } catch (InamiException e) {
            if (e.status() == InamiException.ENOTFOUND) {
                return java.util.Optional.empty();
            }
            throw e;
        }
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
        return id();
    }
}
