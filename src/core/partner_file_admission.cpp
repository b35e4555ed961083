#include "core/partner_file_admission.hpp"

#include <algorithm>
#include <cassert>
#include <vector>

namespace tandem {

Result<PartnerFileAdmission, AdmissionRefusal> admit_partner_file(const PartnerFileFacts& facts) {
    assert(facts.pairing != nullptr);
    const Record& pairing = *facts.pairing;
    const std::vector<RecordId> members = pairing_members(pairing);
    const auto is_member = [&](const RecordId& id) {
        return std::find(members.begin(), members.end(), id) != members.end();
    };

    const bool me_in = !facts.me.is_nil() && is_member(facts.me);
    if (!me_in && (facts.pairing_known || facts.profile_has_pairings)) return fail(AdmissionRefusal::not_yours);

    PartnerFileAdmission admission;
    if (facts.trusted_signer) {
        if (!is_member(*facts.trusted_signer)) return fail(AdmissionRefusal::not_theirs);
        admission.sender = *facts.trusted_signer;
    } else {
        if (!facts.keys_checked) return fail(AdmissionRefusal::sender_unknown);  // never decoded untrusted
        std::optional<RecordId> sender = facts.member_with_signer_keys;
        if (!sender) {
            std::vector<RecordId> others;
            for (const RecordId& member : members)
                if (!(me_in && member == facts.me)) others.push_back(member);
            if (std::find(others.begin(), others.end(), pairing.created_by) != others.end()) sender = pairing.created_by;
            else if (!others.empty()) sender = others.front();
        }
        if (!sender || (me_in && *sender == facts.me)) return fail(AdmissionRefusal::sender_unknown);
        if (facts.answered_pairing &&
            (*facts.answered_pairing != pairing.id || (facts.answered_person && *sender != *facts.answered_person)))
            return fail(AdmissionRefusal::answers_other_pairing);
        admission.sender = *sender;
    }
    admission.trust_sender = facts.keys_checked;

    if (!me_in) {
        std::optional<RecordId> candidate = facts.member_with_my_keys;
        if (!candidate || *candidate == admission.sender) {
            std::vector<RecordId> candidates;
            for (const RecordId& member : members)
                if (member != admission.sender) candidates.push_back(member);
            if (candidates.size() != 1) return fail(AdmissionRefusal::which_member_unknown);
            candidate = candidates.front();
        }
        admission.link = candidate;
    }
    return admission;
}

}  // namespace tandem
