package be.inami;

import be.inami.swig.inami_native;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * What the Java enums share: their text ids and labels, taken from the C library
 * (inami_profession_id, inami_dossier_state_label, ...) by the C value of each
 * constant. An enum whose ids the library does not name (Convention, Lang) uses
 * its constant names in lower case.
 */
final class Enums {
    /** The library's id function of each enum. */
    private static final Map<Class<?>, IntFunction<String>> IDS = Map.ofEntries(
            Map.entry(Profession.class, inami_native::inami_profession_id),
            Map.entry(Provenance.class, inami_native::inami_provenance_id),
            Map.entry(Measure.class, inami_native::inami_measure_id),
            Map.entry(Payee.class, inami_native::inami_payee_id),
            Map.entry(CheckState.class, inami_native::inami_check_state_id),
            Map.entry(ContractType.class, inami_native::inami_contract_type_id),
            Map.entry(DossierState.class, inami_native::inami_dossier_state_id),
            Map.entry(EventKind.class, inami_native::inami_event_kind_id),
            Map.entry(Notice.class, inami_native::inami_notice_id),
            Map.entry(Action.class, inami_native::inami_action_id),
            Map.entry(KeyLetter.class, inami_native::inami_key_letter_id),
            Map.entry(UnvaluedReason.class, inami_native::inami_unvalued_reason_id));

    /** The library's label function (value, language) of each enum that has labels. */
    private interface Labels {
        String label(int code, int lang);
    }

    private static final Map<Class<?>, Labels> LABELS = Map.of(
            DossierState.class, inami_native::inami_dossier_state_label,
            EventKind.class, inami_native::inami_event_kind_label,
            Notice.class, inami_native::inami_notice_label,
            Action.class, inami_native::inami_action_label,
            ContractType.class, inami_native::inami_contract_type_label);

    /** Ids by ordinal, computed once per enum. */
    private static final ClassValue<String[]> CACHE = new ClassValue<>() {
        @Override
        protected String[] computeValue(Class<?> type) {
            IntFunction<String> fn = IDS.get(type);
            Object[] constants = type.getEnumConstants();
            String[] ids = new String[constants.length];
            for (Object c : constants) {
                Enum<?> e = (Enum<?>) c;
                String id = fn != null ? fn.apply(((Identified) c).code()) : e.name().toLowerCase(Locale.ROOT);
                if (id == null) {
                    throw new InamiException(InamiException.EINVAL, "the library has no id for "
                            + type.getSimpleName() + "." + e.name() + " (C value " + ((Identified) c).code() + ")");
                }
                ids[e.ordinal()] = id;
            }
            return ids;
        }
    };

    private Enums() {
    }

    static String id(Identified constant) {
        Enum<?> e = (Enum<?>) constant;
        return CACHE.get(e.getDeclaringClass())[e.ordinal()];
    }

    static String label(Identified constant, Lang lang) {
        Enum<?> e = (Enum<?>) constant;
        Labels fn = LABELS.get(e.getDeclaringClass());
        String label = fn == null ? null : fn.label(constant.code(), (lang == null ? Lang.EN : lang).code());
        return label != null ? label : id(constant);
    }
}
