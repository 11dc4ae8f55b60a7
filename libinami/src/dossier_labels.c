/* Ids and FR/NL/EN labels of dossier states, events, notices, actions and milestones. */
#include <string.h>

#include "dossier_internal.h"
#include "error.h"

/* Each row: id, EN, FR, NL. */
typedef const char *const label_row[4];

static label_row states[INAMI_DOSSIER_STATE_COUNT] = {
	{ "contract_pending", "waiting for contract data", "en attente des donn\xc3\xa9" "es du contrat", "wacht op contractgegevens" },
	{ "contract_received", "contract data received", "donn\xc3\xa9" "es du contrat re\xc3\xa7ues", "contractgegevens ontvangen" },
	{ "two_contracts", "two contracts: choose the active one", "deux contrats : choisir le contrat actif", "twee contracten: kies het actieve contract" },
	{ "contract_linked", "contract linked to the premium file", "contrat li\xc3\xa9 au dossier de prime", "contract gekoppeld aan het premiedossier" },
	{ "evaluated", "evaluation result available", "r\xc3\xa9sultat d'\xc3\xa9valuation disponible", "evaluatieresultaat beschikbaar" },
	{ "manual_request_required", "premium request to be filed by the provider", "demande de prime \xc3\xa0 introduire par le prestataire", "premieaanvraag in te dienen door de zorgverlener" },
	{ "extra_info_submitted", "additional information submitted", "informations compl\xc3\xa9mentaires introduites", "aanvullende informatie ingediend" },
	{ "decided_full", "decision: full amount", "d\xc3\xa9" "cision : montant complet", "beslissing: volledig bedrag" },
	{ "decided_partial", "decision: partial amount", "d\xc3\xa9" "cision : montant partiel", "beslissing: gedeeltelijk bedrag" },
	{ "decided_refused", "decision: refused", "d\xc3\xa9" "cision : refus", "beslissing: geweigerd" },
	{ "contested", "decision contested", "d\xc3\xa9" "cision contest\xc3\xa9" "e", "beslissing betwist" },
	{ "paid_to_insurer", "paid to the insurer", "pay\xc3\xa9 \xc3\xa0 l'assureur", "betaald aan de verzekeraar" },
	{ "paid_to_bank_account", "paid to the bank account", "pay\xc3\xa9 sur le compte bancaire", "betaald op de bankrekening" },
	{ "closed", "closed", "cl\xc3\xb4tur\xc3\xa9", "afgesloten" },
};

static label_row events[INAMI_EVENT_KIND_COUNT] = {
	{ "contract_received", "insurer sent contract data", "l'assureur a transmis les donn\xc3\xa9" "es du contrat", "verzekeraar heeft contractgegevens bezorgd" },
	{ "contract_changed", "contract data changed", "donn\xc3\xa9" "es du contrat modifi\xc3\xa9" "es", "contractgegevens gewijzigd" },
	{ "contract_linked", "contract linked", "contrat li\xc3\xa9", "contract gekoppeld" },
	{ "contract_chosen", "active contract chosen", "contrat actif choisi", "actief contract gekozen" },
	{ "evaluated", "evaluation made", "\xc3\xa9valuation effectu\xc3\xa9" "e", "evaluatie uitgevoerd" },
	{ "conditions_not_met", "basic conditions not met", "conditions de base non remplies", "basisvoorwaarden niet vervuld" },
	{ "no_contract_linked", "no contract linked at evaluation", "aucun contrat li\xc3\xa9 lors de l'\xc3\xa9valuation", "geen contract gekoppeld bij de evaluatie" },
	{ "extra_info_requested", "additional information requested", "informations compl\xc3\xa9mentaires demand\xc3\xa9" "es", "aanvullende informatie gevraagd" },
	{ "extra_info_submitted", "additional information submitted", "informations compl\xc3\xa9mentaires introduites", "aanvullende informatie ingediend" },
	{ "decision_full", "decision: full amount", "d\xc3\xa9" "cision : montant complet", "beslissing: volledig bedrag" },
	{ "decision_partial", "decision: partial amount", "d\xc3\xa9" "cision : montant partiel", "beslissing: gedeeltelijk bedrag" },
	{ "decision_refused", "decision: refused", "d\xc3\xa9" "cision : refus", "beslissing: geweigerd" },
	{ "contested", "decision contested", "d\xc3\xa9" "cision contest\xc3\xa9" "e", "beslissing betwist" },
	{ "paid", "payment made", "paiement effectu\xc3\xa9", "betaling uitgevoerd" },
	{ "bank_account_registered", "bank account registered", "compte bancaire enregistr\xc3\xa9", "bankrekening geregistreerd" },
	{ "closed", "dossier closed", "dossier cl\xc3\xb4tur\xc3\xa9", "dossier afgesloten" },
};

static label_row notices[INAMI_NOTICE_COUNT] = {
	{ "none", "no notification", "pas de notification", "geen melding" },
	{ "contract_data_changed", "your contract data changed", "les donn\xc3\xa9" "es de votre contrat ont chang\xc3\xa9", "uw contractgegevens zijn gewijzigd" },
	{ "extra_data_requested", "additional data requested", "donn\xc3\xa9" "es compl\xc3\xa9mentaires demand\xc3\xa9" "es", "aanvullende gegevens gevraagd" },
	{ "evaluation_available", "your evaluation result is available", "votre r\xc3\xa9sultat d'\xc3\xa9valuation est disponible", "uw evaluatieresultaat is beschikbaar" },
	{ "decision", "decision on your statut social", "d\xc3\xa9" "cision concernant votre statut social", "beslissing over uw sociaal statuut" },
	{ "action_needed", "action needed", "action requise", "actie vereist" },
};

static label_row actions[INAMI_ACTION_COUNT] = {
	{ "none", "none", "aucune", "geen" },
	{ "two_contracts", "two active contracts: choose the one that receives the premium", "deux contrats actifs : choisissez celui qui re\xc3\xa7oit la prime", "twee actieve contracten: kies het contract dat de premie ontvangt" },
	{ "no_contract", "no contract linked: file the premium request yourself", "aucun contrat li\xc3\xa9 : introduisez vous-m\xc3\xaame la demande de prime", "geen contract gekoppeld: dien zelf de premieaanvraag in" },
	{ "conditions_not_met", "basic conditions not met: file the premium request yourself", "conditions de base non remplies : introduisez vous-m\xc3\xaame la demande de prime", "basisvoorwaarden niet vervuld: dien zelf de premieaanvraag in" },
	{ "no_bank_account", "no bank account for a retired provider: register one", "pas de compte bancaire pour un prestataire pensionn\xc3\xa9 : enregistrez-en un", "geen bankrekening voor een gepensioneerde zorgverlener: registreer er een" },
};

static label_row milestones[MILESTONE_COUNT] = {
	{ "contract_concluded", "contract concluded at the latest", "contrat conclu au plus tard", "contract uiterlijk gesloten" },
	{ "contract_data_cutoff", "first cut-off for contract data", "premi\xc3\xa8re date limite des donn\xc3\xa9" "es du contrat", "eerste afsluitdatum contractgegevens" },
	{ "file_access", "premium-year file open in ProSant\xc3\xa9", "dossier de l'ann\xc3\xa9" "e de prime accessible dans ProSant\xc3\xa9", "premiejaardossier toegankelijk in ProGezondheid" },
	{ "contract_snapshot", "snapshot of the contract data", "photo des donn\xc3\xa9" "es du contrat", "momentopname van de contractgegevens" },
	{ "evaluation_available", "evaluation result available", "r\xc3\xa9sultat d'\xc3\xa9valuation disponible", "evaluatieresultaat beschikbaar" },
	{ "extra_info_deadline", "last day for additional information", "dernier jour pour les informations compl\xc3\xa9mentaires", "laatste dag voor aanvullende informatie" },
	{ "decision", "decision", "d\xc3\xa9" "cision", "beslissing" },
	{ "contest_window", "contest within 60 calendar days of the decision", "contestation dans les 60 jours calendrier de la d\xc3\xa9" "cision", "betwisting binnen 60 kalenderdagen na de beslissing" },
	{ "payment_deadline", "payment at the latest", "paiement au plus tard", "betaling uiterlijk" },
};

static const char *label(label_row *table, int count, int i, inami_lang lang)
{
	if (i < 0 || i >= count || (unsigned)lang > 2)
		return NULL;
	/* inami_lang: EN = 0, FR = 1, NL = 2 -> columns 1..3 */
	return table[i][1 + (int)lang];
}

static int from_id(label_row *table, int count, const char *what, const char *id, int *out)
{
	INAMI_CHECK_NULL(id);
	for (int i = 0; i < count; i++) {
		if (strcmp(table[i][0], id) == 0) {
			*out = i;
			return INAMI_OK;
		}
	}
	return inami__fail(INAMI_EINVAL, "unknown %s '%s'", what, id);
}

const char *inami_dossier_state_id(inami_dossier_state s)
{
	return (unsigned)s < INAMI_DOSSIER_STATE_COUNT ? states[s][0] : NULL;
}

const char *inami_dossier_state_label(inami_dossier_state s, inami_lang lang)
{
	return label(states, INAMI_DOSSIER_STATE_COUNT, (int)s, lang);
}

int inami_dossier_state_from_id(const char *id, inami_dossier_state *out)
{
	int i = 0, st;
	INAMI_CHECK_NULL(out);
	if ((st = from_id(states, INAMI_DOSSIER_STATE_COUNT, "dossier state", id, &i)) == INAMI_OK)
		*out = (inami_dossier_state)i;
	return st;
}

const char *inami_event_kind_id(inami_dossier_event_kind k)
{
	return (unsigned)k < INAMI_EVENT_KIND_COUNT ? events[k][0] : NULL;
}

const char *inami_event_kind_label(inami_dossier_event_kind k, inami_lang lang)
{
	return label(events, INAMI_EVENT_KIND_COUNT, (int)k, lang);
}

int inami_event_kind_from_id(const char *id, inami_dossier_event_kind *out)
{
	int i = 0, st;
	INAMI_CHECK_NULL(out);
	if ((st = from_id(events, INAMI_EVENT_KIND_COUNT, "dossier event", id, &i)) == INAMI_OK)
		*out = (inami_dossier_event_kind)i;
	return st;
}

const char *inami_notice_id(inami_notice n)
{
	return (unsigned)n < INAMI_NOTICE_COUNT ? notices[n][0] : NULL;
}

const char *inami_notice_label(inami_notice n, inami_lang lang)
{
	return label(notices, INAMI_NOTICE_COUNT, (int)n, lang);
}

const char *inami_action_id(inami_action a)
{
	return (unsigned)a < INAMI_ACTION_COUNT ? actions[a][0] : NULL;
}

const char *inami_action_label(inami_action a, inami_lang lang)
{
	return label(actions, INAMI_ACTION_COUNT, (int)a, lang);
}

const char *inami_milestone_label(const char *id, inami_lang lang)
{
	if (id == NULL)
		return NULL;
	for (int i = 0; i < MILESTONE_COUNT; i++)
		if (strcmp(milestones[i][0], id) == 0)
			return label(milestones, MILESTONE_COUNT, i, lang);
	return NULL;
}

inami_provenance inami_notice_provenance(inami_notice n)
{
	/* docs/sources/procedure.md: decision e-mail (asgb.be) and "results available" (numerikare.be). */
	if (n == INAMI_NOTICE_DECISION || n == INAMI_NOTICE_EVALUATION_AVAILABLE)
		return INAMI_PROV_SECONDARY;
	return INAMI_PROV_DERIVED;
}
