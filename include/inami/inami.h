/** @file
 * libinami: the Belgian INAMI/RIZIV statut social (sociaal statuut).
 * The umbrella header: include this one.
 */
#ifndef INAMI_H
#define INAMI_H

#include "common.h"
#include "rules.h"
#include "evaluate.h"
#include "allocate.h"
#include "dossier.h"
#include "messages.h"
#include "billing.h"

#endif
