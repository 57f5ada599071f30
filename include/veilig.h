/**
 * @file
 * libveilig: describe and analyse how municipalities tackle (sexual) street
 * harassment and unsafety in public space and nightlife.
 *
 * The umbrella header: include this one. See the module headers for the API,
 * and docs/ for the document format and the stability promise. One module
 * header is not included here: veilig/jansson.h, the jansson bridge, which
 * needs jansson's headers (include it when VEILIG_HAVE_JANSSON is 1).
 */
#ifndef VEILIG_H
#define VEILIG_H

#include "veilig/common.h"
#include "veilig/vocab.h"
#include "veilig/model.h"
#include "veilig/codec.h"
#include "veilig/validate.h"
#include "veilig/query.h"
#include "veilig/analysis.h"
#include "veilig/report.h"
#include "veilig/sheet.h"
#include "veilig/site.h"

#endif
