package be.inami;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import be.inami.swig.inami_action;
import be.inami.swig.inami_check_state;
import be.inami.swig.inami_contract_type;
import be.inami.swig.inami_convention;
import be.inami.swig.inami_date_precision;
import be.inami.swig.inami_dossier_event_kind;
import be.inami.swig.inami_dossier_state;
import be.inami.swig.inami_employment;
import be.inami.swig.inami_lang;
import be.inami.swig.inami_measure;
import be.inami.swig.inami_native;
import be.inami.swig.inami_notice;
import be.inami.swig.inami_payee;
import be.inami.swig.inami_profession;
import be.inami.swig.inami_provenance;
import be.inami.swig.inami_status;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.junit.Test;

/**
 * The C headers are the only source of the enum values: SWIG turns each C enum into a
 * class of int constants (be.inami.swig.inami_payee.INAMI_PAYEE_NONE, ...). Every Java
 * constant must have the value of the SWIG constant of its name, and every value of the
 * C enum must have a Java constant, so a value added to a header fails here until the
 * Java enum has it too.
 */
public class EnumsTest {
    /** A Java enum, the SWIG class of its C enum, the prefix of its C names, C names with no Java constant. */
    private static final class Pair {
        final Class<? extends Enum<?>> java;
        final Class<?> swig;
        final String prefix;
        final Set<String> sentinels;

        Pair(Class<? extends Enum<?>> java, Class<?> swig, String prefix, String... sentinels) {
            this.java = java;
            this.swig = swig;
            this.prefix = prefix;
            this.sentinels = Set.of(sentinels);
        }
    }

    private static final List<Pair> PAIRS = List.of(
            // "no profession" and "no measure" are inputs' unset markers, not values a Java enum holds
            new Pair(Profession.class, inami_profession.class, "INAMI_", "INAMI_PROFESSION_NONE"),
            new Pair(Measure.class, inami_measure.class, "INAMI_MEASURE_", "INAMI_MEASURE_NONE"),
            new Pair(Provenance.class, inami_provenance.class, "INAMI_PROV_"),
            new Pair(CheckState.class, inami_check_state.class, "INAMI_CHECK_"),
            new Pair(Payee.class, inami_payee.class, "INAMI_PAYEE_"),
            new Pair(Convention.class, inami_convention.class, "INAMI_CONVENTION_"),
            new Pair(Employment.class, inami_employment.class, "INAMI_EMPLOYMENT_"),
            new Pair(Lang.class, inami_lang.class, "INAMI_LANG_"),
            new Pair(ContractType.class, inami_contract_type.class, "INAMI_CONTRACT_"),
            new Pair(DossierState.class, inami_dossier_state.class, "INAMI_DOSSIER_"),
            new Pair(EventKind.class, inami_dossier_event_kind.class, "INAMI_EVENT_"),
            new Pair(Notice.class, inami_notice.class, "INAMI_NOTICE_"),
            new Pair(Action.class, inami_action.class, "INAMI_ACTION_"),
            new Pair(DatePrecision.class, inami_date_precision.class, "INAMI_PRECISION_"),
            new Pair(KeyLetter.class, be.inami.swig.inami_key_letter.class, "INAMI_KEY_"),
            new Pair(UnvaluedReason.class, be.inami.swig.inami_unvalued_reason.class, "INAMI_UNVALUED_"));

    /** The C values of a SWIG enum class, by C name. */
    private static TreeMap<String, Integer> cValues(Class<?> swig) throws IllegalAccessException {
        TreeMap<String, Integer> values = new TreeMap<>();
        for (Field f : swig.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) {
                values.put(f.getName(), f.getInt(null));
            }
        }
        assertTrue(swig.getSimpleName() + " has no constants", values.size() > 1);
        return values;
    }

    @Test
    public void everyJavaConstantHasTheValueOfItsCConstant() throws Exception {
        for (Pair p : PAIRS) {
            TreeMap<String, Integer> c = cValues(p.swig);
            for (Enum<?> e : p.java.getEnumConstants()) {
                String cName = p.prefix + e.name();
                Integer value = c.get(cName);
                assertNotNull(p.java.getSimpleName() + "." + e.name() + ": no C constant " + cName, value);
                assertEquals(p.java.getSimpleName() + "." + e.name(), value.intValue(), ((Identified) e).code());
            }
        }
    }

    @Test
    public void everyCValueHasAJavaConstant() throws Exception {
        for (Pair p : PAIRS) {
            for (var entry : cValues(p.swig).entrySet()) {
                if (p.sentinels.contains(entry.getKey())) {
                    continue;
                }
                Identified found = null;
                for (Enum<?> e : p.java.getEnumConstants()) {
                    if (((Identified) e).code() == entry.getValue()) {
                        found = (Identified) e;
                    }
                }
                assertNotNull(entry.getKey() + " = " + entry.getValue() + " has no constant in "
                        + p.java.getSimpleName(), found);
                assertEquals(entry.getKey(), p.prefix + ((Enum<?>) found).name());
            }
        }
    }

    @Test
    public void idsRoundTripAndComeFromTheLibrary() throws Exception {
        for (Pair p : PAIRS) {
            for (Enum<?> e : p.java.getEnumConstants()) {
                Identified x = (Identified) e;
                assertNotNull(x.id());
                assertEquals(e, p.java.getMethod("fromId", String.class).invoke(null, x.id()));
                assertEquals(e, p.java.getMethod("fromCode", int.class).invoke(null, x.code()));
                assertEquals(x.id(), e.toString());
            }
        }
        // ids of the library's own functions
        assertEquals("speech_therapist", Profession.SPEECH_THERAPIST.id());
        assertEquals(inami_native.inami_dossier_state_id(inami_dossier_state.INAMI_DOSSIER_TWO_CONTRACTS),
                DossierState.TWO_CONTRACTS.id());
        assertEquals("not_found", Provenance.NOT_FOUND.id());
        assertEquals("hours_per_week", Measure.HOURS_PER_WEEK.id());
        // Lang ids are the ones the library parses
        for (Lang l : Lang.values()) {
            assertEquals(l.code(), inami_native.inami_swig_lang_from_id(l.id()));
        }
        // the C counts agree with the Java enums
        assertEquals(inami_native.INAMI_PROFESSION_COUNT, Profession.values().length);
        assertEquals(inami_native.INAMI_MEASURE_COUNT, Measure.values().length);
        assertEquals(inami_native.INAMI_CONTRACT_TYPE_COUNT, ContractType.values().length);
        assertEquals(inami_native.INAMI_DOSSIER_STATE_COUNT, DossierState.values().length);
        assertEquals(inami_native.INAMI_EVENT_KIND_COUNT, EventKind.values().length);
        assertEquals(inami_native.INAMI_NOTICE_COUNT, Notice.values().length);
        assertEquals(inami_native.INAMI_ACTION_COUNT, Action.values().length);
        assertEquals(inami_native.INAMI_KEY_LETTER_COUNT, KeyLetter.values().length);
        // the scale of a measure is the library's
        assertEquals(1, Measure.PRESTATIONS.scale());
        assertEquals(100, Measure.M_VALUE.scale());
    }

    @Test
    public void everyStatusCodeHasAnInamiExceptionConstant() throws Exception {
        for (var entry : cValues(inami_status.class).entrySet()) {
            if (entry.getKey().equals("INAMI_OK")) {
                continue;
            }
            String name = entry.getKey().substring("INAMI_".length());
            Field f;
            try {
                f = InamiException.class.getField(name);
            } catch (NoSuchFieldException e) {
                fail(entry.getKey() + " has no InamiException." + name);
                return;
            }
            assertEquals(name, entry.getValue().intValue(), f.getInt(null));
            assertEquals(name, new InamiException(entry.getValue(), "x").statusName());
        }
        // and every InamiException constant is a C status
        for (Field f : InamiException.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) {
                assertEquals(f.getName(), f.getInt(null), inami_status.class.getField("INAMI_" + f.getName()).getInt(null));
            }
        }
        assertEquals("E-99", new InamiException(-99, "x").statusName());
    }
}
