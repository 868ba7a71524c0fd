// Claim extraction: page model → catalogue.
#pragma once

#include "claims/claim.hpp"
#include "model/page.hpp"

#include <vector>

namespace sslconf::claims {

// Every SYNOPSIS prototype, every sentence of DESCRIPTION, NOTES, RETURN
// VALUES and HISTORY and every RETURN VALUES item ends in the catalogue,
// checkable or with a reason. Deterministic: same pages, same catalogue.
Catalogue extract(const std::vector<model::Page>& pages);

}  // namespace sslconf::claims
