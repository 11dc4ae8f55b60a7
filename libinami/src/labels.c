/* FR / NL / EN labels of the checks an evaluation reports. */
#include <string.h>

#include "inami/evaluate.h"

typedef struct check_label {
	const char *id;
	const char *text[3];   /* en, fr, nl */
} check_label;

static const check_label labels[] = {
	{ "conventioned", { "Conventioned", "Conventionné", "Geconventioneerd" } },
	{ "partial_convention", { "Partial conventioning", "Conventionnement partiel",
		"Gedeeltelijke conventionering" } },
	{ "whole_year", { "Conventioned for the whole year (or pro rata in the first year)",
		"Conventionné toute l'année (ou prorata la première année)",
		"Het hele jaar geconventioneerd (of pro rata het eerste jaar)" } },
	{ "employment", { "Self-employed in main occupation", "Indépendant à titre principal",
		"Zelfstandige in hoofdberoep" } },
	{ "no_sanction", { "No sanction excluding the year", "Pas de sanction excluant l'année",
		"Geen sanctie die het jaar uitsluit" } },
	{ "retirement", { "Retirement and payee", "Retraite et bénéficiaire du paiement",
		"Pensioen en begunstigde" } },
	{ "threshold_exemption", { "Exempt from the activity threshold", "Dispensé du seuil d'activité",
		"Vrijgesteld van de activiteitsdrempel" } },
	{ "minimum_activity", { "Minimum activity reached", "Seuil d'activité minimum atteint",
		"Minimale activiteitsdrempel bereikt" } },
	{ "maximum_activity", { "Activity within the maximum", "Activité sous le plafond",
		"Activiteit onder het maximum" } },
	{ "contract", { "One eligible insurance contract", "Un contrat d'assurance éligible",
		"Eén in aanmerking komend verzekeringscontract" } },
};

const char *inami_check_label(const char *check_id, inami_lang lang)
{
	if (!check_id || (int)lang < 0 || (int)lang > 2)
		return NULL;
	for (size_t i = 0; i < sizeof(labels) / sizeof(labels[0]); i++) {
		if (strcmp(labels[i].id, check_id) == 0)
			return labels[i].text[lang];
	}
	return NULL;
}
