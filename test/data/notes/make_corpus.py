# Writes NNN.txt and NNN.json for every note below (python3 make_corpus.py).
# Labels follow SPEC section 12.  Three labels were corrected after the
# first benchmark run because they contradicted other labels: 015 (a rate
# "1 mL per point" is no dose, as in 001), 027 ("1 trigger point each" is a
# count per muscle: tp_locations), 057 (one count for the one muscle
# injected is a total, as in 009).  Round 3 (drug_dose "as written", SPEC
# section 12): a dose keeps the "of" and the comma it is written with
# ("4 mL of 1% lidocaine" is "4 mL of 1%", "1% lidocaine, 8 mL" is "1%, 8
# mL"); a rate ("1 mL per site") is the dose only when no amount is stated.
import json

N = []
def note(text, muscles, tp=None, drug=None, dose=None, signed=False, plan=False, cons=False, loc=False, guidance='none', crlf=False):
    N.append(((text.strip('\n') + '\n').replace('\n', '\r\n' if crlf else '\n'), dict(muscles=muscles, trigger_points=tp, drug_name=drug, drug_dose=dose,
        note_signed=signed, post_procedure_plan=plan, conservative_care=cons, tp_locations=loc, guidance=guidance)))

note("""
PROCEDURE NOTE - TRIGGER POINT INJECTIONS
Date of service: 03/04/2025
Indication: myofascial pain syndrome of the neck and upper back, failed 8 weeks of physical therapy and NSAIDs.
Consent: risks, benefits and alternatives discussed; written consent obtained.
Procedure: After sterile prep with chlorhexidine, trigger points were identified by palpation of taut bands with a local twitch response.
Muscles injected: bilateral upper trapezius and levator scapulae.
Number of trigger points: 8
Medication: 1% lidocaine, 8 mL total (1 mL per site), 27-gauge needle.
Complications: none. Patient tolerated the procedure well.
Plan: home stretching program, follow up in 4 weeks.
Electronically signed by Maria Lopez, MD 03/04/2025 14:22
""", ["right trapezius","left trapezius","right levator scapulae","left levator scapulae"], 8, "lidocaine", "1%, 8 mL", True, True, True, False)

note("""
Pt is a 54 yo F with chronic R shoulder girdle pain. Previously had TPIs to the R rhomboids in January with 60% relief for 6 weeks.
Exam: palpable trigger points R infraspinatus and R teres minor, referral pattern reproduced.
Procedure: TPI x3 to R infraspinatus (2) and R teres minor (1) using 0.5% bupivacaine 3 cc. No complications.
She continues chiropractic care and home exercises.
F/U 6 wks.
Signed: A. Patel, DO
""", ["right infraspinatus","right teres minor"], 3, "bupivacaine", "0.5% 3 cc", True, True, True, True)

note("""
TRIGGER POINT INJECTION
Site(s): Left gluteus medius, left piriformis
Trigger points: 4
Injectate: Marcaine 0.25% 4 mL + Kenalog 40 mg
Guidance: landmark based, no ultrasound
Patient tolerated well. Ice 15 minutes after procedure as needed.
Return to clinic in one month.
""", ["left gluteus medius","left piriformis"], 4, "bupivacaine + triamcinolone", "0.25% 4 mL + 40 mg", False, True, False, False)

note("""
Dictated note. The patient returns for low back pain. She has been doing physical therapy twice a week and taking meloxicam with partial benefit. On exam there are exquisitely tender trigger points in the right quadratus lumborum and the right lumbar paraspinal muscles at L4-5. After discussing the options she elected to proceed. The area was prepped with alcohol and a total of 4 trigger points were injected with 2 mL each of 1% lidocaine. She tolerated it well. She will continue PT and return in six weeks. Electronically signed by R. Chen MD.
""", ["right quadratus lumborum","right lumbar paraspinals"], 4, "lidocaine", "2 mL 1%", True, True, True, True)

note("""
S: neck pain, HA. Hx of TPIs last visit to bilat traps w/ good relief.
O: TTP w/ taut bands R SCM, R splenius capitis.
A: myofascial pain M79.18
P: TPIs performed today R SCM x1, R splenius capitis x2. Lidocaine 1% 3 mL total. Cont HEP. RTC 4 wks.
""", ["right sternocleidomastoid","right splenius capitis"], 3, "lidocaine", "1% 3 mL", False, True, True, True)

note("""
Procedure: Trigger point injection was NOT performed today. Patient declined injections due to needle anxiety.
Exam: trigger points in bilateral upper trapezius.
Plan: continue physical therapy, consider TPIs to bilateral trapezius at next visit.
Electronically signed by K. Brown, PA-C
""", [], None, None, None, True, True, True, False)

note("""
DRY NEEDLING NOTE
Muscles treated: right upper trapezius, right levator scapulae, right rhomboid major
Technique: dry needling with 0.30 x 40 mm filiform needles, no injectate. Local twitch responses elicited.
Sites: 6
Patient to continue home exercise program; follow-up next week.
Signed by L. Ortiz, PT
""", ["right trapezius","right levator scapulae","right rhomboid major"], 6, "none", None, True, True, True, False)

note("""
- Indication: chronic myofascial pain, failed conservative care (PT, massage, NSAIDs)
- Procedure: trigger point injections
- Muscles: L trapezius (2 TPs), L levator scap (1 TP), L rhomboids (2 TPs)
- Medication: lidocaine 1% 5 mL
- Complications: none
- Disposition: home, follow up 1 month
""", ["left trapezius","left levator scapulae","left rhomboids"], 5, "lidocaine", "1% 5 mL", False, True, True, True)

note("""
PROCEDURE: Ultrasound-guided trigger point injection, right gluteus minimus.
Under ultrasound guidance, the needle was advanced into the right gluteus minimus and 2 trigger points were injected with 3 mL of 0.5% ropivacaine.
Post-procedure instructions given. Follow up in 2 weeks.
Attestation: I personally performed this procedure. Dr. S. Ahmed
""", ["right gluteus minimus"], 2, "ropivacaine", "3 mL of 0.5%", True, True, False, False, "ultrasound")

note("""
History: 61 yo M with chronic neck pain. MRI of the cervical spine in 2023 showed C5-6 spondylosis. Previously received TPIs to the bilateral trapezius in March and May.
Today: no trigger points were found on exam. Trigger point injections were deferred.
Plan: continue naproxen and home exercise, return in 3 months.
""", [], None, None, None, False, True, True, False)

note("""
Trigger Point Injection Procedure Note
Pre-procedure diagnosis: Myofascial pain, lumbar region
Muscles: bilateral quadratus lumborum; lumbar paraspinals bilaterally at L3-L4
Total sites injected: 6
Drug: 0.25% bupivacaine 6 mL
Fluoroscopy was not used.
Patient has completed 12 sessions of physical therapy.
Follow-up: 6 weeks.
""", ["right quadratus lumborum","left quadratus lumborum","right lumbar paraspinals","left lumbar paraspinals"], 6, "bupivacaine", "0.25% 6 mL", False, True, True, True)

note("""
The patient presents for trigger point injections of the shoulder. Injected the left shoulder with 2 mL of lidocaine 1%. Tolerated well.
""", ["left shoulder"], None, "lidocaine", "2 mL 1%", False, False, False, False)

note("""
PROCEDURE NOTE
TPIs performed to the neck and upper back regions. 4 sites. Lidocaine 1% 4 mL.
Electronically signed 05/02/2025 by T. Nguyen, MD
""", ["neck","upper back"], 4, "lidocaine", "1% 4 mL", True, False, False, False)

note("""
CC: R hip/buttock pain
HPI: pain for 5 months despite PT and ibuprofen. Previous piriformis injection at another clinic 2024.
PROCEDURE: Right piriformis trigger point injection x2 and right TFL x1.
Medication: Xylocaine 1% 3 mL with Depo-Medrol 40 mg.
Plan: f/u 4-6 wks, continue stretching.
Signed: B. Wilson MD
""", ["right piriformis","right tensor fasciae latae"], 3, "lidocaine + methylprednisolone", "1% 3 mL + 40 mg", True, True, True, True)

note("""
Trigger points identified and injected:
| Muscle | Side | Points |
| Upper trapezius | R | 2 |
| Upper trapezius | L | 2 |
| Levator scapulae | R | 1 |
| Rhomboid minor | R | 1 |
Injectate: lidocaine 1%, 1 mL per point (6 mL total)
Physician signature: ______ (electronically signed J. Park MD)
Plan: reassess in 4 weeks.
""", ["right trapezius","left trapezius","right levator scapulae","right rhomboid minor"], 6, "lidocaine", "1%, 6 mL", True, True, False, True)

note("""
Procedure: Trigger point injections, bilateral trapezius.
Description: The right and left upper trapezius were each injected at 2 trigger points with a mixture of 0.5% bupivacaine and 1% lidocaine, 4 mL total.
No imaging guidance was used.
Plan: PT referral; follow-up 3 weeks.
""", ["right trapezius","left trapezius"], 4, "bupivacaine + lidocaine", "0.5% + 1%, 4 mL", False, True, False, True)

note("""
Pt seen for f/u of myofascial pain. Last visit TPIs to L QL and L glute med provided 2 weeks of relief. Today pain is in the R side.
TPIs today: R QL x2, R gluteus medius x2 with 1% lidocaine 4 mL. Tolerated well.
Continue tizanidine qhs. Return 1 month.
""", ["right quadratus lumborum","right gluteus medius"], 4, "lidocaine", "1% 4 mL", False, True, True, True)

note("""
Trigger point injection note
Area: low back
Trigger points injected: 3
Medication: lidocaine 1% 3 mL
""", ["low back"], 3, "lidocaine", "1% 3 mL", False, False, False, False)

note("""
The patient is a 40-year-old woman with temporomandibular pain. After informed consent, trigger points in the left masseter and left temporalis were injected with 1 mL each of 0.5% bupivacaine, 2 points in the masseter and 1 in the temporalis. She will use warm compresses and a soft diet. Follow up in 2 weeks with dental. Signed electronically by H. Kim DDS MD.
""", ["left masseter","left temporalis"], 3, "bupivacaine", "1 mL 0.5%", True, True, False, True)

note("""
PROCEDURE: Trigger point injections
Muscles injected: right trapezious, right levator scapule, right infraspinatous
Trigger points: 3
Medication: lidocaine 1% 3 mL
Patient previously tried PT and massage.
Plan: follow up 4 weeks
""", ["right trapezius","right levator scapulae","right infraspinatus"], 3, "lidocaine", "1% 3 mL", False, True, True, False)

note("""
TPI NOTE
Muscles: B/L rhomboids, B/L mid trapezius
TPI x4
Lido 1% 4 cc
Pt did 8 wks PT. RTC prn.
""", ["right rhomboids","left rhomboids","right trapezius","left trapezius"], 4, "lidocaine", "1% 4 cc", False, True, True, False)

note("""
Visit note 06/10/2025
Patient reports neck pain 6/10. Doing home exercises daily, taking ibuprofen.
Exam: tender trapezius bilaterally without discrete trigger points.
No procedure performed today.
Plan: continue current regimen, trial of heat, follow up 6 weeks.
Electronically signed by D. Scott NP
""", [], None, None, None, True, True, True, False)

note("""
Procedure: trigger point injection.
Left biceps femoris and left semitendinosus were injected at 3 trigger points in total (2 in the biceps femoris, 1 in the semitendinosus) using 3 mL 1% lidocaine.
The left gastrocnemius was examined but was not injected.
Post-procedure: ice, walk as tolerated, follow up 2 weeks.
""", ["left biceps femoris","left semitendinosus"], 3, "lidocaine", "3 mL 1%", False, True, False, True)

note("""
PROCEDURE NOTE: Trigger Point Injections (CPT 20553)
Regions: cervical, scapular, gluteal
Muscles injected:
1. Right upper trapezius - 2 trigger points
2. Right rhomboid major - 1 trigger point
3. Left gluteus maximus - 2 trigger points
Injectate: 1% lidocaine 5 mL total
Complications: None
Electronically signed: V. Rossi, MD
""", ["right trapezius","right rhomboid major","left gluteus maximus"], 5, "lidocaine", "1% 5 mL", True, False, False, True)

note("""
Chief complaint: mid back pain.
Procedure: TPIs to the bilateral thoracic paraspinals at T6-T8 and bilateral rhomboids. 6 trigger points total. 0.5% bupivacaine 6 mL.
The patient has failed physical therapy and cyclobenzaprine.
Follow up in 4 weeks.
""", ["right thoracic paraspinals","left thoracic paraspinals","right rhomboids","left rhomboids"], 6, "bupivacaine", "0.5% 6 mL", False, True, True, True)

note("""
Myofascial trigger point injection
Muscle: left sternocleidomastoid
Points: 2
Drug: Sensorcaine 0.25% 2 mL
Guidance: none
""", ["left sternocleidomastoid"], 2, "bupivacaine", "0.25% 2 mL", False, False, False, False)

note("""
Patient presents with bilateral low back pain radiating to the buttocks. She has had 6 weeks of PT and uses a TENS unit.
Trigger point injections performed in the right and left gluteus medius and the right and left quadratus lumborum, 1 trigger point each, with a total of 4 mL of 1% lidocaine and 40 mg triamcinolone.
Next visit, will consider injecting the piriformis if pain persists.
Electronically signed by P. Garcia MD
""", ["right gluteus medius","left gluteus medius","right quadratus lumborum","left quadratus lumborum"], 4, "lidocaine + triamcinolone", "4 mL of 1% + 40 mg", True, True, True, True)

note("""
TRIGGER POINT INJECTION
Muscle group: right hamstrings
Sites: 3
Lidocaine 1% 3 mL
Signed: E. Young, MD
""", ["right hamstrings"], 3, "lidocaine", "1% 3 mL", True, False, False, False)

note("""
Note: The patient was scheduled for trigger point injections today but arrived late; procedure rescheduled.
Exam: trigger points left levator scapulae and left trapezius.
Plan: TPIs left levator scapulae and left trapezius next week.
""", [], None, None, None, False, True, False, False)

note("""
Procedure performed: Trigger point injection, right pectoralis minor, under ultrasound guidance.
2 trigger points injected with 2 mL 1% lidocaine.
Patient has been in physical therapy for thoracic outlet symptoms.
Follow-up in 3 weeks.
Signed: M. Ivanova MD
""", ["right pectoralis minor"], 2, "lidocaine", "2 mL 1%", True, True, True, False, "ultrasound")

note("""
TPI today to L upper trap and L levator scap, 2 TPs each, total 4. 1% lido 4 mL. Pt tolerated. Previously did chiropractic. f/u 1 mo.
""", ["left trapezius","left levator scapulae"], 4, "lidocaine", "1% 4 mL", False, True, True, True)

note("""
PROCEDURE
Trigger point injections were performed in the following muscles: right deltoid (posterior), right infraspinatus, right teres major.
A total of 5 trigger points were injected with 5 mL of 1% lidocaine.
History: prior subacromial injection 2022.
Plan: continue home exercise program; return in 1 month.
Electronically signed by C. Martin MD
""", ["right deltoid","right infraspinatus","right teres major"], 5, "lidocaine", "5 mL of 1%", True, True, True, False)

note("""
Botulinum toxin injection note. Botox 100 units was injected into the bilateral cervical paraspinals and bilateral upper trapezius under EMG guidance for cervical dystonia.
Follow up 12 weeks.
""", ["right cervical paraspinals","left cervical paraspinals","right trapezius","left trapezius"], None, "botulinum toxin", "100 units", False, True, False, False)

note("""
Procedure Note
Procedure: Trigger point injection, left lumbar paraspinals
Level: L4-L5
Technique: 25 g 1.5 inch needle, 2 trigger points, aspirated prior to injection.
Medication: 0.5% bupivacaine 2 mL and dexamethasone 4 mg
Conservative therapy: 3 months of PT, NSAIDs and a home program.
Plan: follow up in 4 weeks; if improvement, continue PT.
Signature: electronically signed, N. Shah MD
""", ["left lumbar paraspinals"], 2, "bupivacaine + dexamethasone", "0.5% 2 mL + 4 mg", True, True, True, True)

note("""
Follow-up visit. The bilateral trapezius injections from last month helped for 3 weeks. Today she requests repeat injections.
Bilateral upper trapezius were injected, 2 points each side, using 1% lidocaine 4 mL.
She declined injection of the levator scapulae.
Continue massage therapy. Return in 6 weeks.
""", ["right trapezius","left trapezius"], 4, "lidocaine", "1% 4 mL", False, True, True, True)

note("""
OPERATIVE NOTE: trigger point injections
Anesthesia: none
Findings: taut bands in the right scalenes and right SCM
Procedure: right anterior scalene and right sternocleidomastoid trigger points injected under ultrasound guidance, 1 point each, with 1 mL each of 1% lidocaine (2 mL total).
EBL: none. Complications: none.
Dispo: home; follow up in clinic 2 weeks.
""", ["right scalenus anterior","right sternocleidomastoid"], 2, "lidocaine", "1 mL 1% 2 mL", False, True, False, True, "ultrasound")

note("""
Assessment and plan
1. Myofascial pain, bilateral lumbar: trigger point injections to the right and left lumbar paraspinals were performed today, total 4 sites, lidocaine 1% 4 mL, tolerated well.
2. Continue meloxicam 15 mg daily and PT.
3. Return 4 weeks.
""", ["right lumbar paraspinals","left lumbar paraspinals"], 4, "lidocaine", "1% 4 mL", False, True, True, False)

note("""
TPI
R trap x2, R rhomboid x2, R lev scap x1
1% lido 5cc
no cx
""", ["right trapezius","right rhomboids","right levator scapulae"], 5, "lidocaine", "1% 5cc", False, False, False, True)

note("""
Patient seen for consultation regarding chronic shoulder pain. Exam shows trigger points in the left infraspinatus and left supraspinatus. Discussed trigger point injections, physical therapy and dry needling. Patient wishes to try physical therapy first.
Plan: PT referral; consider TPIs to left infraspinatus if no improvement.
Electronically signed by G. Lee MD
""", [], None, None, None, True, True, True, False)

note("""
Trigger point injections performed in bilateral gluteal region and bilateral hips. Total sites: 4. Kenalog 40 mg mixed with lidocaine 1% 4 mL.
""", ["right buttock","left buttock","right hip","left hip"], 4, "triamcinolone + lidocaine", "40 mg + 1% 4 mL", False, False, False, False)

note("""
PROCEDURE: TPIs.
Muscles: right rhomboids; left rhomboids; right middle trapezius.
3 trigger points were injected with 0.5% ropivacaine 3 mL.
Guidance: fluoroscopy was not used; landmark technique.
Previous treatments: acupuncture, massage.
Signed: Q. Adams DO
""", ["right rhomboids","left rhomboids","right trapezius"], 3, "ropivacaine", "0.5% 3 mL", True, False, True, False)

note("""
Dx: piriformis syndrome, right.
Under fluoroscopic guidance, the right piriformis muscle was injected with 3 mL of 0.25% bupivacaine and 20 mg triamcinolone at 1 trigger point.
Post-procedure: patient ambulated without difficulty. Follow up 2 weeks.
""", ["right piriformis"], 1, "bupivacaine + triamcinolone", "3 mL of 0.25% + 20 mg", False, True, False, False, "fluoroscopy")

note("""
Trigger point injection - CT guided
The left psoas was injected under CT guidance with 5 mL 0.25% bupivacaine at 1 trigger point.
Patient previously failed physical therapy.
""", ["left psoas"], 1, "bupivacaine", "5 mL 0.25%", False, False, True, False, "ct")

note("""
Patient returns after TPIs to the right trapezius and right levator scapulae 3 months ago. He reports lasting relief and no longer needs injections.
No injections today.
Plan: continue home exercises, follow up as needed.
""", [], None, None, None, False, True, True, False)

note("""
PROCEDURE: Trigger point injections x 6
Muscles: bilateral splenius capitis, bilateral semispinalis capitis, bilateral suboccipitals
Medication: lidocaine 1% 6 mL
Tolerated without complication.
Continue PT and home stretching.
Electronically signed by O. Fischer MD
""", ["right splenius capitis","left splenius capitis","right semispinalis capitis","left semispinalis capitis","right suboccipitals","left suboccipitals"], 6, "lidocaine", "1% 6 mL", True, False, True, False)

note("""
Myofascial pain of the abdominal wall. Trigger points located 3 cm lateral to the umbilicus in the right rectus abdominis were injected, 2 sites, with 4 mL of 0.25% bupivacaine.
Patient has tried heat and NSAIDs.
Follow up in 2 weeks.
""", ["right rectus abdominis"], 2, "bupivacaine", "4 mL of 0.25%", False, True, True, True)

note("""
Trigger point injection
Location: R upper back
# of injections: 2
Medication: lidocaine 1%, 2 ml
Electronically signed by F. Moreau MD
""", ["right upper back"], 2, "lidocaine", "1%, 2 ml", True, False, False, False)

note("""
Today's procedure: dry needling of the left gastrocnemius (medial head) and left soleus, 4 needle insertions, no medication.
Patient doing home calf stretching.
Plan: repeat dry needling next week.
""", ["left gastrocnemius","left soleus"], 4, "none", None, False, True, True, False)

note("""
Procedure: Trigger point injections to the paraspinals at C5-C6 bilaterally and bilateral upper trapezius.
Trigger points: 4
Medication: 1% lidocaine 4 mL
Patient has completed 6 weeks of physical therapy.
Follow up in 1 month. Signed: W. Park MD
""", ["right cervical paraspinals","left cervical paraspinals","right trapezius","left trapezius"], 4, "lidocaine", "1% 4 mL", True, True, True, True)

note("""
PT note, 10/01/2025. Manual therapy and stretching to the cervical spine. Patient reports the trigger point injections to the left trapezius last week helped.
Plan: continue PT 2x/week.
""", [], None, None, None, False, True, True, False)

note("""
The patient presented for trigger point injections. Timeout performed. Using sterile technique, trigger points were injected in the left tensor fasciae latae (2), the left gluteus medius (2) and the left gluteus minimus (1), for a total of 5 points, with 5 mL of 1% lidocaine. There were no complications. The patient was instructed to apply ice and to call with signs of infection. Follow-up in 4 weeks. Electronically signed by I. Novak MD.
""", ["left tensor fasciae latae","left gluteus medius","left gluteus minimus"], 5, "lidocaine", "5 mL of 1%", True, True, False, True)

note("""
TPI procedure: piriformis R and gluteus medius R, 2 trigger points each. Normal saline 4 mL (patient allergic to local anesthetics).
Follow up 3 weeks.
""", ["right piriformis","right gluteus medius"], 4, "normal saline", "4 mL", False, True, False, True)

note("""
Procedure: left-sided trigger point injections.
Muscles injected: levator scapulae, trapezius and rhomboids, left-sided.
Sites: 5. Naropin 0.2% 5 mL.
No trigger points in the right trapezius today.
Plan: follow up 4 weeks.
""", ["left levator scapulae","left trapezius","left rhomboids"], 5, "ropivacaine", "0.2% 5 mL", False, True, False, False)

note("""
Trigger point injections
Indication: chronic myofascial pain after motor vehicle accident; failed PT, chiropractic and muscle relaxants.
Muscles: bilateral trapezius, bilateral levator scapulae, right SCM
Trigger points: 7
Injectate: Celestone 6 mg with 1% lidocaine 6 mL
Plan: reassess in 6 weeks.
Electronically signed by Y. Tanaka MD
""", ["right trapezius","left trapezius","right levator scapulae","left levator scapulae","right sternocleidomastoid"], 7, "betamethasone + lidocaine", "6 mg + 1% 6 mL", True, True, True, False)

note("""
Patient reports 80% relief after last session of trigger point injections to the bilateral gluteus medius.
Trigger point injections repeated today: bilateral gluteus medius, 2 points each side, 4 mL of 0.5% bupivacaine.
Continue HEP. RTC 2 months.
""", ["right gluteus medius","left gluteus medius"], 4, "bupivacaine", "4 mL of 0.5%", False, True, True, True)

note("""
PROCEDURE NOTE
Trigger point injection to the right rhomboidd and right infraspinatus with 2 mL 1% lidocaine, 2 trigger points.
Electronically signed by U. Berg MD
""", ["right rhomboids","right infraspinatus"], 2, "lidocaine", "2 mL 1%", True, False, False, False)

note("""
Subjective: Neck and shoulder pain, worse with computer work. Tried ice, heat, and massage.
Objective: trigger points in the right upper trapezius with referral to the temple.
Procedure: right upper trapezius trigger point injection, 3 points, 3 mL of lidocaine 1%, no complications.
Assessment: myofascial pain syndrome.
Plan: ergonomic changes, PT, follow up 4 weeks.
""", ["right trapezius"], 3, "lidocaine", "3 mL 1%", False, True, True, False)

note("""
Procedure: trigger point injections performed to the right latissimus dorsi, right serratus anterior and right teres major with 1% lidocaine, 3 mL total, 3 sites.
The left side was not injected.
""", ["right latissimus dorsi","right serratus anterior","right teres major"], 3, "lidocaine", "1%, 3 mL", False, False, False, False)

note("""
Hip pain follow-up. Trigger point injection of the right iliopsoas was discussed but deferred due to anticoagulation. She will continue physical therapy.
Plan: reassess after holding apixaban; consider injection next visit.
""", [], None, None, None, False, True, True, False)

note("""
Trigger Point Injection
Patient: [redacted]  DOS: 2025-07-14
Muscles: R QL, L QL, R glute max
Number of trigger points: 3
Medication: lidocaine 1% 3 mL + Kenalog 10 mg
Prior care: PT x 8 weeks, NSAIDs
Follow-up: 4 weeks
Signed: electronically by Z. Ali MD
""", ["right quadratus lumborum","left quadratus lumborum","right gluteus maximus"], 3, "lidocaine + triamcinolone", "1% 3 mL + 10 mg", True, True, True, False)

note("""
Injection of trigger points in the left forearm extensors (2) and left brachioradialis (1) for lateral elbow myofascial pain, 3 mL of 1% lidocaine.
Uses a counterforce brace and does eccentric exercises.
Follow up in 3 weeks.
""", ["left forearm extensors","left brachioradialis"], 3, "lidocaine", "3 mL of 1%", False, True, True, True)

note("""
PROCEDURE: Trigger point injections, bilateral
Muscles: right vastus lateralis, left vastus lateralis
2 trigger points injected
Lidocaine 2 mL 1%
""", ["right vastus lateralis","left vastus lateralis"], 2, "lidocaine", "2 mL 1%", False, False, False, False)

note("""
Discussed results of cervical MRI. No procedure today. She previously had trigger point injections to the bilateral trapezius and rhomboids with little benefit. Will refer to PT and start cyclobenzaprine.
""", [], None, None, None, False, True, True, False)

note("""
TPI note: bilat upper trap + lev scap, 4 sites, 1% lidocaine 4cc, Depo-Medrol 40mg. Tolerated. Cont PT. F/u 6wk.
Electronically signed
""", ["right trapezius","left trapezius","right levator scapulae","left levator scapulae"], 4, "lidocaine + methylprednisolone", "1% 4cc + 40mg", True, True, True, False)

# 065-067: a negation scoped to one list entry, negating and visit labels,
# per-muscle counts "at N sites" (review of read_note, 2026-12).
note("""
PROCEDURE: Trigger point injections
Indication: cervical myofascial pain; 6 weeks of physical therapy without lasting relief.
Muscles injected: right upper trapezius x2, left upper trapezius x2, right rhomboid major x1, left deltoid x1 (deferred, bruising over the site)
Not injected: left levator scapulae
Medication: 1% lidocaine 5 mL
Post-procedure: apply ice 10 minutes, follow up in 4 weeks.
Electronically signed by K. Osei, MD
""", ["right trapezius","left trapezius","right rhomboid major"], 5, "lidocaine", "1% 5 mL", True, True, True, True)

note("""
Last visit: TPIs to the bilateral gluteus medius with 40% relief for three weeks.
Today she reports pain over the right hip and low back despite home exercises and naproxen.
Trigger point injections were performed to the right gluteus medius at 3 sites and the right piriformis at 2 sites using 0.25% bupivacaine 5 mL under ultrasound guidance.
No trigger points in the left gluteus medius, left piriformis today.
Next visit: consider TPI to the right quadratus lumborum.
Signed: T. Nguyen, DO
""", ["right gluteus medius","right piriformis"], 5, "bupivacaine", "0.25% 5 mL", True, True, True, True, "ultrasound")

note("""
TRIGGER POINT INJECTION NOTE
Muscles: R trapezius, L trapezius, R levator scapulae, L levator scapulae (not injected - patient request)
Declined: bilateral rhomboids
Trigger points: 3
Injectate: Xylocaine 1% 3 mL
Guidance: none
Plan: return in 6 weeks.
""", ["right trapezius","left trapezius","right levator scapulae"], 3, "lidocaine", "1% 3 mL", False, True, False, False)

# 068-070: the side of the injection itself goes to the muscles without
# one (AAPC: four muscles), a symptom's side does not; a group term with
# "area" is a region term kept as written, with its sides (scenario
# review, 2026-12).
note("""
Diagnosis: myofascial pain, cervical. Home exercise program and cyclobenzaprine for 8 weeks without relief.
Bilateral trigger point injections were performed in the upper trapezius and levator scapulae with 1% lidocaine 4 mL.
Tolerated well. Follow up in 4 weeks.
Electronically signed by P. Shah, MD
""", ["right trapezius","left trapezius","right levator scapulae","left levator scapulae"], None, "lidocaine", "1% 4 mL", True, True, True, False)

note("""
Right trapezius and levator scapulae were injected with lidocaine 1% 2 mL; bilateral neck pain noted.
Continue physical therapy. Return in 2 weeks.
""", ["right trapezius","right levator scapulae"], None, "lidocaine", "1% 2 mL", False, True, True, False)

note("""
PROCEDURE: Trigger point injections were performed in the cervical paraspinal area bilaterally with lidocaine 1% 3 mL.
Failed chiropractic care and home exercises. Signed: L. Moreau, MD
""", ["right cervical paraspinal area","left cervical paraspinal area"], None, "lidocaine", "1% 3 mL", True, False, True, False)

# 071-075: sides after their names and side labels of a line, a list
# under a long line ending in a colon, counts in words and "(x2)", "R>L"
# (real-note review, 2026-12).
note("""
PREOPERATIVE DIAGNOSIS: Myofascial pain syndrome, cervical.
POSTOPERATIVE DIAGNOSIS: Same.
PROCEDURE PERFORMED: Trigger point injections to the trapezius, left side, and levator scapulae, right side.
DESCRIPTION OF PROCEDURE: After consent, the skin was prepped. Three (3) trigger points were injected with 0.25% bupivacaine 3 mL.
COMPLICATIONS: None. The patient tolerated the procedure well.
""", ["left trapezius","right levator scapulae"], 3, "bupivacaine", "0.25% 3 mL", False, False, False, False)

note("""
Failed 6 weeks of physical therapy. Trigger point injections to the following muscles:
- R trapezius (x2)
- L trapezius (x2)
- R rhomboid major (x1)
Lidocaine 1% 5 mL. Follow up in 1 month.
""", ["right trapezius","left trapezius","right rhomboid major"], 5, "lidocaine", "1% 5 mL", False, True, True, True)

note("""
Trigger point injections performed with 1% lidocaine, 1 mL per site.
LEFT: trapezius, levator scapulae
RIGHT: trapezius
Signed: K. Osei, MD
""", ["left trapezius","left levator scapulae","right trapezius"], None, "lidocaine", "1%, 1 mL per site", True, False, False, False)

note("""
S: neck pain R>L for 3 months, ibuprofen without relief.
P: TPI to R>L trapezius with 0.5% bupivacaine 4 mL. Two trigger points were injected on each side.
""", ["right trapezius","left trapezius"], 4, "bupivacaine", "0.5% 4 mL", False, False, True, False)

note("""
Injected the gluteus medius on the right and the piriformis on the left with 2 mL of 1% lidocaine each. The right trapezius was injected first. Next, the left levator scapulae was injected.
""", ["right gluteus medius","left piriformis","right trapezius","left levator scapulae"], None, "lidocaine", "2 mL of 1%", False, False, False, False)

# Round 6: styles the corpus lacked (sources in each comment; texts are
# written anew in those styles, not copied).

# 076 - consultation-letter follow-up to a referring chiropractor (MTSamples
# IME / pain follow-up letters, CC0, kaggle tboyle10/medicaltranscriptions):
# trigger points found on exam, "injections, which were performed today".
note("""
MM/DD/YYYY
Re: ABC
Dear Dr. XYZ:
ABC was seen today in follow up. He continues to have neck and lower back pain with tingling into both arms. He had moderate relief from his prior trigger point injections for about one month. Today there is restricted range of motion of the cervical and lumbar spine with spasm in the paraspinal musculature. Palpable trigger points were noted bilaterally in the lumbar paraspinal musculature. He continues to suffer from myofascitis, and a series of trigger point injections was begun, which were performed today. He tolerated the procedure well. He will ice the region for 15 minutes at a time and will be seen for repeat trigger point injections in two weeks' time if indicated.
Yours sincerely,
""", ["right lumbar paraspinals","left lumbar paraspinals"], None, None, None, False, True, False, False)

# 077 - same letter style, two areas, "musculature bilaterally" at the end
note("""
The patient was evaluated today in follow up. She continues to have neck and lower back pain without radicular complaints. Motor strength is 5/5 and reflexes are 2+ and symmetric. Palpable trigger points were noted bilaterally in the trapezius and lumbar paraspinal musculature bilaterally. She has ongoing myofascitis. Trigger point injections were performed today and she tolerated them well. She was asked to ice the region intermittently. She will be followed in four weeks for repeat trigger point injections if indicated.
""", ["right trapezius","left trapezius","right lumbar paraspinals","left lumbar paraspinals"], None, None, None, False, True, False, False)

# 078 - consultation letter: trigger points found, injections planned for
# the next visit (MTSamples consult letter style)
note("""
Dear Dr. XYZ:
I had the pleasure of seeing your patient in consultation today after a motor vehicle accident. He complains of neck and lower back pain radiating into the right arm and leg. Palpable trigger points were noted in the right trapezius and the right cervical and lumbar paraspinal musculature. I have scheduled an EMG of the right upper and lower extremity in two weeks. His treatment plan will consist of a series of trigger point injections to be started at his next follow-up visit in two weeks' time. I will be following him in two weeks.
Yours sincerely,
""", [], None, None, None, False, True, False, False)

# 079 - transcription sample report headings (medicaltranscriptionsamplereports.com,
# "Gluteal Trigger Point Injection Sample Report"): earlier SI joint and
# trigger point injections in the indications, gluteal target
note("""
DATE OF PROCEDURE: MM/DD/YYYY
PREOPERATIVE DIAGNOSES:
1. Chronic low back pain with lumbar radiculopathy.
2. Myofascial pain of the left lower back.
PROCEDURE PERFORMED: Trigger point injection to the left gluteal muscle.
ANESTHESIA: Local.
INDICATIONS FOR PROCEDURE: The patient has had multiple sacroiliac joint injections and an epidural steroid injection. Her left hip pain was better after the sacroiliac joint injection and the trigger point injection last time. She stopped Lyrica because of dizziness.
DESCRIPTION OF PROCEDURE: Three trigger points were identified in the upper outer quadrant of the left buttock and marked. After alcohol prep, the three trigger points were injected with a total of 6 mL of 0.25% bupivacaine mixed with 40 mg of Kenalog. There were no complications.
She will follow up with Dr. Doe in 2 weeks.
""", ["left glutes"], 3, "bupivacaine + triamcinolone", "6 mL of 0.25% + 40 mg", False, True, False, True)

# 080 - pain-center procedure template ("The Pain Center Manual",
# Interventional Procedure Templates: Trigger Point Injection)
note("""
Trigger Point Injection
Preoperative Diagnosis: Myalgia/Myositis M79.1
Postoperative Diagnosis: Myalgia/Myositis
Operation Title:
1) Trigger Point Injection
Attending Physician:
Anesthesia: Local
Indications: The patient is a 47 year old female with a diagnosis of myalgia/myositis. This is the 2nd injection of 3. The patient had 50% relief from the previous injection. The risks, benefits and alternatives were discussed and written informed consent was obtained.
Procedure in Detail: The patient was placed in the sitting position. Trigger points were identified in the right rhomboid major and the right infraspinatus. After sterile prep, a 25-gauge needle was inserted into each trigger point and after negative aspiration 2 mL of 0.25% bupivacaine was injected at each site. Sites injected: 4.
Disposition: The patient tolerated the procedure well and was discharged home. Return in 2 weeks for the third injection.
""", ["right rhomboid major","right infraspinatus"], 4, "bupivacaine", "2 mL of 0.25%", False, True, False, False)

# 081 - rheumatology visit with E/M, in-office x-ray and TPIs
# (the-rheumatologist.org Coding Corner case: 99213-25, 20553, 73120)
note("""
CC: rheumatoid arthritis follow-up; left hand pain; neck and upper back pain.
HPI: Morning stiffness 30 minutes. Taking methotrexate weekly. Doing home exercises for the neck.
Exam: no synovitis of the MCPs. Tender trigger points in the bilateral trapezius and the left rhomboids.
X-ray of the left hand, 3 views, read in office: no erosions.
A/P:
1. RA, stable: continue methotrexate.
2. Myofascial pain: after discussion, trigger point injections were given to the right trapezius, left trapezius and left rhomboids with a total of 3 mL of 1% lidocaine mixed with 20 mg triamcinolone.
RTC 3 months.
""", ["right trapezius","left trapezius","left rhomboids"], None, "lidocaine + triamcinolone", "3 mL of 1% + 20 mg", False, True, True, False)

# 082 - two procedures in one note: a joint injection and TPIs
note("""
PROCEDURES:
1. Right knee intra-articular injection with 40 mg Depo-Medrol and 4 mL of 1% lidocaine via a lateral approach.
2. Trigger point injections to the left trapezius and left levator scapulae with 2 mL of 0.5% bupivacaine.
Patient tolerated both procedures well. Follow up in 6 weeks.
""", ["left trapezius","left levator scapulae"], None, "methylprednisolone + lidocaine + bupivacaine", "40 mg + 4 mL of 1% + 2 mL of 0.5%", False, True, False, False)

# 083 - headache clinic: occipital nerve blocks and TPIs the same day
note("""
Procedures: bilateral greater occipital nerve blocks and trigger point injections.
Occipital nerve blocks: performed at the medial third of the superior nuchal line on each side.
Trigger point injections: bilateral splenius capitis, right semispinalis capitis and left upper trapezius; 6 points in total.
Medication: 0.5% bupivacaine, 7 mL total (2 mL at each occipital nerve, 0.5 mL per trigger point).
Patient tolerated well. Headache diary; follow-up in 4 weeks.
""", ["right splenius capitis","left splenius capitis","right semispinalis capitis","left trapezius"], 6, "bupivacaine", "0.5%, 7 mL", False, True, False, False)

# 084 - ultrasound-guided quadratus lumborum TPI with an attestation
# (ultrasound-guided lumbar myofascial injection technique, aneskey.com)
note("""
Procedure: ultrasound-guided trigger point injection, right quadratus lumborum.
With the patient in the left lateral decubitus position, a curvilinear probe showed the QL lateral to the L3 transverse process. Under real-time ultrasound guidance a 22-gauge spinal needle was advanced in plane into the muscle, and 3 mL of 0.25% bupivacaine with 10 mg dexamethasone was injected at 2 sites. Images saved to the chart.
Attestation: I was present for the entire procedure. J. Park, MD
""", ["right quadratus lumborum"], 2, "bupivacaine + dexamethasone", "3 mL of 0.25% + 10 mg", True, False, False, True, "ultrasound")

# 085 - botulinum toxin to cervical muscles with EMG localisation
note("""
Procedure: chemodenervation for refractory cervical myofascial pain.
Botox 100 units total was injected with EMG localization: left splenius capitis (2 sites), left levator scapulae (1 site), left upper trapezius (2 sites).
She continues physical therapy twice a week.
Return in 12 weeks.
""", ["left splenius capitis","left levator scapulae","left trapezius"], 5, "botulinum toxin", "100 units", False, True, True, True)

# 086 - physical therapy dry needling daily note with a declined site
note("""
Daily Note - Physical Therapy
Intervention: trigger point dry needling (TDN) to R gluteus medius and R piriformis, no injectate, local twitch responses obtained.
Pt declined needling to the R QL today.
Pt continues HEP daily.
Plan: continue POC 2x/week x 4 weeks.
Therapist signature: J. Doe, PT, DPT
""", ["right gluteus medius","right piriformis"], None, "none", None, True, True, True, False)

# 087 - terse SOAP with an earlier TPI in S and the repeat in P
note("""
S: Pt returns 3 wks s/p TPIs to L QL and L glute med w/ 70% relief x 2 wks, now pain back.
O: TTP L QL, L glute med; new TP L piriformis.
A: myofascial pain syndrome, lumbar.
P: Repeat TPIs L QL x2, L glute med x1, L piriformis x1 w/ 4 cc 1% lido. Cont cyclobenzaprine qhs. RTC 1 mo.
""", ["left quadratus lumborum","left gluteus medius","left piriformis"], 4, "lidocaine", "4 cc 1%", False, True, True, True)

# 088 - EHR checkbox template: checked and unchecked boxes
note("""
TRIGGER POINT INJECTION
Muscles (check all injected):
[x] Trapezius R
[x] Trapezius L
[ ] Levator scapulae R
[ ] Levator scapulae L
[x] Rhomboid R
[ ] Rhomboid L
Medication: lidocaine 1% 3 mL
""", ["right trapezius","left trapezius","right rhomboids"], None, "lidocaine", "1% 3 mL", False, False, False, False)

# 089 - abdominal wall TPIs with counts per muscle (symbiosisrcm.com coding
# example: injections into transverse abdominis and rectus abdominis)
note("""
Abdominal wall pain, right lower quadrant, negative CT. Procedure: trigger point injections into the right Transverse Abdominus (6 injections) and the right Rectus Abdominus (4 injections) using 0.25% Marcaine 10 mL. Tolerated well.
""", ["right transversus abdominis","right rectus abdominis"], 10, "bupivacaine", "0.25% 10 mL", False, False, False, True)

# 090 - dictation with counts per muscle (AAPC Anesthesia Coding Alert
# example: three injections into trapezius, two into supraspinatus)
note("""
Three injections were placed in the right trapezius and two in the right supraspinatus, a total of five, using 1% lidocaine 5 mL. The patient tolerated this well.
""", ["right trapezius","right supraspinatus"], 5, "lidocaine", "1% 5 mL", False, False, False, True)

# 091 - exam finds more than is injected; one side skipped
note("""
Trigger points were identified in the bilateral upper trapezius and the right levator scapulae. The left trapezius was not injected because of a healing abrasion over it. Trigger point injections were performed in the right upper trapezius and right levator scapulae with 1% lidocaine, 3 mL total.
""", ["right trapezius","right levator scapulae"], None, "lidocaine", "1%, 3 mL", False, False, False, False)

# 092 - today's injection and a plan to add muscles next time
note("""
Today: TPI R infraspinatus x2 with 2 mL 1% lidocaine.
Plan: if helpful, will add R teres minor and R posterior deltoid at the next session.
""", ["right infraspinatus"], 2, "lidocaine", "2 mL 1%", False, True, False, True)

# 093 - dictation: "right and left", brand name, rate per trigger point
note("""
Using a 27-gauge needle, a total of six trigger points were injected with 1% Xylocaine, 1 cc per trigger point, in the following muscles: right and left rhomboids, right and left lower trapezius, and the right serratus posterior superior. No complications.
""", ["right rhomboids","left rhomboids","right trapezius","left trapezius","right serratus posterior superior"], 6, "lidocaine", "1%, 1 cc per trigger point", False, False, False, False)

# 094 - orofacial pain / TMD clinic
note("""
Dx: myofascial pain of the masticatory muscles. Occlusal splint and NSAIDs without lasting benefit.
Trigger point injections: bilateral masseter and left temporalis with 3% mepivacaine (Carbocaine) without epinephrine, 5.4 mL total.
Post-op: soft diet, warm compresses, recall 3 weeks.
""", ["right masseter","left masseter","left temporalis"], None, "mepivacaine", "3%, 5.4 mL", False, True, True, False)

# 095 - workers' compensation progress note with a spinal level
note("""
WORK STATUS: modified duty, no lifting over 20 lbs.
PROCEDURE NOTE: TPI x 4 were administered to the cervical paraspinal musculature at C5-C6 bilaterally and the bilateral upper trapezius with 0.5% Marcaine 4 cc.
Continue physical therapy. Re-evaluate in 2 weeks.
""", ["right cervical paraspinals","left cervical paraspinals","right trapezius","left trapezius"], 4, "bupivacaine", "0.5% 4 cc", False, True, True, True)

# 096 - injections held for anticoagulation
note("""
Assessment: myofascial pain of the bilateral trapezius and levator scapulae.
INR today 3.4 on warfarin. Trigger point injections held today because of the elevated INR.
Continue home stretching. Will reassess for TPIs at the next visit.
""", [], None, None, None, False, True, True, False)

# 097 - fibromyalgia: tender points examined, a count per muscle
note("""
Fibromyalgia, 16 of 18 tender points positive on exam.
Trigger point injections performed to the bilateral upper trapezius and bilateral gluteus medius, 2 points in each muscle, with 0.5% lidocaine 8 mL.
Continue duloxetine and the aquatic exercise program.
""", ["right trapezius","left trapezius","right gluteus medius","left gluteus medius"], 8, "lidocaine", "0.5% 8 mL", False, False, True, True)

# 098 - region terms only, as some templates list areas
note("""
Areas injected: posterior neck, interscapular region, lumbosacral region.
Lidocaine 1% 6 mL and Kenalog 40 mg.
""", ["neck","scapular region","low back"], None, "lidocaine + triamcinolone", "1% 6 mL + 40 mg", False, False, False, False)

# 099 - chest wall after mastectomy; earlier TPI; no ultrasound
note("""
Post-mastectomy chest wall pain, left. Prior TPI to the left serratus anterior in May gave 2 weeks of relief.
Today trigger point injections were performed in the left pectoralis major and left sternalis with 4 mL of 1% lidocaine. Ultrasound was not used.
Electronically signed by M. Rivera, MD
""", ["left pectoralis major","left sternalis"], None, "lidocaine", "4 mL of 1%", True, False, False, False)

# 100 - fluoroscopic piriformis injection with contrast
note("""
PROCEDURE: Fluoroscopically guided right piriformis trigger point injection.
Under fluoroscopy a 22-gauge spinal needle was advanced into the right piriformis; contrast spread confirmed intramuscular placement. 4 mL of 0.25% bupivacaine and 40 mg triamcinolone were injected.
""", ["right piriformis"], None, "bupivacaine + triamcinolone", "4 mL of 0.25% + 40 mg", False, False, False, False, "fluoroscopy")

# 101 - numbered list of sites with a total
note("""
Sites:
1) R upper trap
2) R upper trap
3) L upper trap
4) L levator
Total: 4 sites. 1% lidocaine 0.5 mL per site.
""", ["right trapezius","left trapezius","left levator scapulae"], 4, "lidocaine", "1% 0.5 mL per site", False, False, False, False)

# 102 - "-sided" side words and a thoracic level range
note("""
Left-sided trapezius and rhomboid TPIs, plus bilat thoracic paraspinals at T6-T8. Lidocaine 1% 5 mL. Heat and stretching at home.
""", ["left trapezius","left rhomboids","right thoracic paraspinals","left thoracic paraspinals"], None, "lidocaine", "1% 5 mL", False, False, True, True)

# 103 - a negated area next to the injected ones
note("""
No injections were given to the neck today. TPIs to the low back only: bilateral QL and bilateral gluteus medius, lidocaine 1% 4 mL.
""", ["right quadratus lumborum","left quadratus lumborum","right gluteus medius","left gluteus medius"], None, "lidocaine", "1% 4 mL", False, False, False, False)

# 104 - cosignature of a resident's note
note("""
Resident procedure note: trigger point injections to the right trapezius and right levator scapulae, 2 points each, with 1% lidocaine 4 mL. ROM improved after injection. Recheck in 6 weeks.
Cosigned by attending: P. Nguyen, MD
""", ["right trapezius","right levator scapulae"], 4, "lidocaine", "1% 4 mL", True, True, False, True)

# 105 - lower limb with part words and abbreviations
note("""
Calf and shin myofascial pain. TPI: R gastroc medial head x2, R soleus x1, R tib ant x1, 0.5% ropivacaine 4 mL.
""", ["right gastrocnemius","right soleus","right tibialis anterior"], 4, "ropivacaine", "0.5% 4 mL", False, False, False, True)

# 106 - upper limb abbreviations
note("""
Lateral elbow pain despite a counterforce strap, ice and ibuprofen. Trigger point injections to the right ECRB, brachioradialis and supinator with lidocaine 2% 3 mL.
""", ["right extensor carpi radialis brevis","right brachioradialis","right supinator"], None, "lidocaine", "2% 3 mL", False, False, True, False)

# 107 - pelvic floor TPIs (urogynecology), transvaginal
note("""
Procedure: transvaginal trigger point injections of the pelvic floor.
Using a pudendal needle guide, trigger points were injected in the left levator ani (2) and the left obturator internus (1) with a total of 6 mL of 0.25% bupivacaine.
She continues pelvic floor physical therapy. Follow up in 4 weeks.
""", ["left levator ani","left obturator internus"], 3, "bupivacaine", "6 mL of 0.25%", False, True, True, True)

# 108 - hospital-style note with "Time out" and an E/M line
note("""
Visit type: established patient, 99214-25 + 20553.
Time out performed. Trigger points in the R upper trapezius, R levator scapulae and R rhomboid minor were injected with 0.25% bupivacaine and 1% lidocaine in a 1:1 mix, 6 mL total.
Patient to continue tizanidine at night. Follow-up 4 weeks.
""", ["right trapezius","right levator scapulae","right rhomboid minor"], None, "bupivacaine + lidocaine", "0.25% + 1%, 6 mL", False, True, True, False)


# Round 7: styles the corpus still lacked (notes 109-137).  Sources:
# theprocedureguide.com ("Trigger Point Injection - Technique and
# Overview", sample op note), fpnotebook.com (Rheum/Procedure/TrgrPntInjctn:
# Sensorcaine 0.25% 5 cc with Kenalog 40 mg/ml 1 cc per syringe),
# aneskey.com ("Trigger Point Injection": bupivacaine with
# methylprednisolone), guysandstthomas.nhs.uk and tetburyhospital.co.uk
# (UK pain clinic wording: local anaesthetic, physiotherapy, review),
# nowcarepainrelief.com (ultrasound-guided TPIs).  Texts are written anew
# in those styles, not copied; labels were set from SPEC sections 4 and 12
# before the reader was run on them.  One label was corrected after the
# first run because it contradicted older ones: 109 ("1 mL of triamcinolone
# 40 mg/mL" is "1 mL 40 mg/mL", as "2 mL of lidocaine 1%" is "2 mL 1%" in
# 012 and 057).

# 109 - radiology report of an ultrasound-guided TPI, per-syringe steroid
note("""
EXAM: ULTRASOUND GUIDED TRIGGER POINT INJECTION, LEFT GLUTEUS MEDIUS
CLINICAL HISTORY: Left lateral hip pain, myofascial. Failed physical therapy.
COMPARISON: None.
TECHNIQUE: Informed consent was obtained. Time-out performed. The left gluteus medius was imaged with a 12 MHz linear transducer and a hypoechoic focus at the point of maximal tenderness was targeted. Under direct sonographic visualization a 25-gauge needle was advanced into the muscle and 3 mL of 0.5% ropivacaine and 1 mL of triamcinolone 40 mg/mL were injected at 2 sites.
COMPLICATIONS: None immediate.
IMPRESSION: Successful ultrasound-guided trigger point injection of the left gluteus medius.
Electronically signed by: K. Osei, MD, Radiology 05/12/2025 09:41
""", ["left gluteus medius"], 2, "ropivacaine + triamcinolone", "3 mL of 0.5% + 1 mL 40 mg/mL", True, False, True, False, "ultrasound")

# 110 - PM&R ultrasound-guided scalene TPIs; the plexus landmark between
# the scalenes is no site; a drug in the plan is not injected
note("""
Procedure: US-guided TPI R scalenus anterior and R scalenus medius
Indication: R neurogenic TOS vs myofascial pain; failed 3 months PT and gabapentin.
Technique: Pt supine, head turned L. Using a high-frequency linear probe, the brachial plexus trunks were identified between the anterior and middle scalenes and avoided. A 27 g needle was advanced in-plane under continuous US visualization into the R anterior scalene (1 site) and R middle scalene (1 site); 1% lidocaine 1 mL per site was injected. No paresthesias.
Plan: f/u 2 wks to assess response; consider botulinum toxin if TPI helpful.
""", ["right scalenus anterior","right scalenus medius"], 2, "lidocaine", "1% 1 mL per site", False, True, True, True, "ultrasound")

# 111 - pain clinic procedure log with a table of muscle, side, count, volume
note("""
PAIN CLINIC PROCEDURE LOG
Procedure: Trigger point injections (20553)
Injectate: 0.25% bupivacaine (Sensorcaine), 6 mL total; 27 g 1.25" needle
Muscle | Side | # TP | Volume
Upper trapezius | R | 2 | 2 mL
Upper trapezius | L | 2 | 2 mL
Levator scapulae | R | 1 | 1 mL
Rhomboid major | L | 1 | 1 mL
Total trigger points: 6
Pt tolerated well, no complications. F/u 4 wks.
Provider signature: D. Moreau, MD (signed electronically)
""", ["right trapezius","left trapezius","right levator scapulae","left rhomboid major"], 6, "bupivacaine", "0.25%, 6 mL", True, True, False, True)

# 112 - a note written all in capitals
note("""
PROCEDURE NOTE
PATIENT SEEN FOR SCHEDULED TRIGGER POINT INJECTIONS. CONTINUES HOME EXERCISE PROGRAM AND NAPROXEN 500 MG BID.
AFTER VERBAL AND WRITTEN CONSENT, THE SKIN WAS PREPPED WITH BETADINE. TRIGGER POINTS WERE INJECTED IN THE LEFT QUADRATUS LUMBORUM X 2 AND THE LEFT GLUTEUS MAXIMUS X 2 WITH 1% LIDOCAINE, 4 CC TOTAL.
NO COMPLICATIONS. ICE TO AREA TONIGHT. RETURN 1 MONTH.
DICTATED BUT NOT READ. ELECTRONICALLY SIGNED BY T. HALL, DO.
""", ["left quadratus lumborum","left gluteus maximus"], 4, "lidocaine", "1%, 4 CC", True, True, True, True)

# 113 - heavy abbreviations: UT (upper trapezius), LS (levator scapulae
# beside UT), B/L, TTP, LTR, x2 ea, TPs
note("""
S/p MVA 3/2025. Neck/upper back pain 7/10, HA. PT x 8 wks, Flexeril prn.
O: TTP w/ taut bands & LTR B/L UT, R LS, L rhomboid.
Proc: TPI B/L UT x2 ea, R LS x1, L rhomboid x1 = 6 TPs. 1% lido 3 cc total (0.5 cc/TP). Tol well.
P: HEP, RTC 4 wks for repeat PRN.
""", ["right trapezius","left trapezius","right levator scapulae","left rhomboids"], 6, "lidocaine", "1% 3 cc", False, True, True, True)

# 114 - dosing per syringe (fpnotebook style: anaesthetic, then steroid)
note("""
TRIGGER POINT INJECTION PROCEDURE
Pre-procedure Dx: cervicalgia, myofascial pain M79.18
Syringe #1: 1% lidocaine 5 mL (used for skin wheals)
Syringe #2: 0.25% bupivacaine 8 mL + Kenalog 40 mg
Sites: right splenius capitis x1, right semispinalis capitis x1, right levator scapulae x2, right middle trapezius x1
Total TPs: 5
EBL minimal. Band-aids applied.
Patient instructed to use heat after 24 hours and continue PT. F/U 2-3 weeks.
Signed: L. Ortiz, PA-C / supervising physician R. Kim, MD
""", ["right splenius capitis","right semispinalis capitis","right levator scapulae","right trapezius"], 5, "lidocaine + bupivacaine + triamcinolone", "1% 5 mL + 0.25% 8 mL + 40 mg", True, True, True, True)

# 115 - a 1:1 mixture and "right and left X (2 each)"
note("""
Procedure: Trigger point injections.
Medication: 10 mL of a 1:1 mixture of 1% lidocaine and 0.25% bupivacaine.
After alcohol prep, 1 to 1.5 mL of the mixture was injected into each of 8 trigger points: right and left infraspinatus (2 each), right and left teres major (1 each), right and left latissimus dorsi (1 each).
Patient had immediate reduction of pain from 8/10 to 3/10.
Discharge instructions given. Continue meloxicam. Return in 6 weeks.
""", ["right infraspinatus","left infraspinatus","right teres major","left teres major","right latissimus dorsi","left latissimus dorsi"], 8, "lidocaine + bupivacaine", "10 mL of 1% + 0.25%", False, True, True, True)

# 116 - muscles named only in a bulleted procedure section
note("""
Chief complaint: low back and buttock pain.
Assessment: myofascial pain syndrome, lumbar and gluteal.
Procedure performed:
 \u2022 Right quadratus lumborum
 \u2022 Right gluteus medius
 \u2022 Right piriformis
 \u2022 Left gluteus medius
Medications: 0.5% bupivacaine 6 mL and dexamethasone 4 mg.
Tolerated without complication.
""", ["right quadratus lumborum","right gluteus medius","right piriformis","left gluteus medius"], None, "bupivacaine + dexamethasone", "0.5% 6 mL + 4 mg", False, False, False, False)

# 117 - an addendum adds a muscle; a late signature
note("""
Procedure: TPI
Performed by: S. Grant, MD
Muscles injected: L upper trapezius, L levator scapulae.
Medication: 1% lidocaine 2 mL.
Follow-up: 4 weeks.

ADDENDUM 06/03/2025: Correction - the left rhomboid minor was also injected (1 additional site, 1 mL). Total sites: 3.
Electronically signed by S. Grant, MD on 06/05/2025 (late entry).
""", ["left trapezius","left levator scapulae","left rhomboid minor"], 3, "lidocaine", "1% 2 mL", True, True, False, True)

# 118 - British pain clinic record: physiotherapy, paracetamol, upper
# fibres, levobupivacaine and Depo-Medrone (UK methylprednisolone acetate)
note("""
Pain Management Clinic - Procedure Record
Consultant: Dr A. Whitfield, FRCA
Diagnosis: chronic myofascial pain, right shoulder girdle. Has had physiotherapy and regular paracetamol and naproxen with limited benefit.
Procedure: trigger point injections to right trapezius (upper fibres) x2 and right infraspinatus x2 under aseptic technique.
Injectate: 0.25% levobupivacaine (Chirocaine) 8 ml with 40 mg Depo-Medrone.
No immediate complications. Discharged with written information.
Plan: continue physiotherapy; review in clinic in 8 weeks; GP to continue analgesia.
Signed: A. Whitfield
""", ["right trapezius","right infraspinatus"], 4, "levobupivacaine + methylprednisolone", "0.25% 8 ml + 40 mg", True, True, True, True)

# 119 - Australian musculoskeletal medicine: physio, lignocaine, TrP,
# "r/v 3/52" (review in three weeks), a landmark abbreviated
note("""
Musculoskeletal medicine rooms.
Hx: 38F office worker, L neck/scapular pain 4/12. Physio + Panadol Osteo, minimal change.
O/E: active TrPs L levator scapulae (near sup. angle of scapula) and L upper trap.
Procedure: TrP injections L levator scap x1, L upper trap x2 using 1% lignocaine, total 3 ml. Twitch responses obtained.
Plan: stretches, ergonomic review, r/v 3/52.
""", ["left levator scapulae","left trapezius"], 3, "lidocaine", "1%, 3 ml", False, True, True, True)

# 120 - paediatric sports medicine, one trigger point, assent
note("""
Pediatric Sports Medicine Clinic
15 y/o female soccer player with 3 months of right-sided upper back pain. Completed 6 weeks of physical therapy and dry needling with a PT; ibuprofen prn.
Mother present and consented; patient assented.
Exam: reproducible trigger point in the right rhomboid minor at the medial scapular border, T4 level.
Procedure: After topical vapocoolant spray, a single trigger point injection was performed in the right rhomboid minor with 1 mL of 1% lidocaine using a 27-gauge needle.
Plan: Return to play as tolerated; continue scapular stabilization exercises; follow up 3 weeks.
""", ["right rhomboid minor"], 1, "lidocaine", "1 mL of 1%", False, True, True, True)

# 121 - sports medicine: hamstring heads and "long head"
note("""
SPORTS MEDICINE PROCEDURE NOTE
Athlete: collegiate sprinter, L posterior thigh tightness after grade 1 hamstring strain 8 weeks ago, rehab completed.
Exam: taut band with twitch in the L biceps femoris long head, mid-thigh, and L semitendinosus distal third.
TPI performed: L biceps femoris (long head) x2, L semitendinosus x1.
Injectate: 3 mL 1% lidocaine without epi.
Post: light jog tomorrow, resume eccentric program, re-eval Friday.
""", ["left biceps femoris","left semitendinosus"], 3, "lidocaine", "3 mL 1%", False, True, True, True)

# 122 - trigger point dry needling and a TPI in one visit: the TPI line's
# muscles are the injected one
note("""
Procedure 1: Trigger point dry needling (20561) - R gluteus medius, R gluteus minimus, R TFL. No injectate.
Procedure 2: Trigger point injection (20552) - R piriformis x2 with 2 mL 0.5% bupivacaine.
Pt tolerated both. HEP updated. Next visit 1 week.
""", ["right piriformis"], 2, "bupivacaine", "2 mL 0.5%", False, True, True, True)

# 123 - telehealth follow-up that mentions past injections only
note("""
TELEHEALTH VISIT (video). Patient located at home; provider at clinic. Consent for telehealth obtained.
Interval history: s/p TPIs to bilateral upper trapezius and levator scapulae on 4/2 with 1% lidocaine; reports 60% relief lasting 3 weeks. Continues home stretching and tizanidine qhs.
Assessment: myofascial neck pain, improving.
Plan: in-person visit in 4 weeks for repeat TPIs if pain recurs.
Total time 15 minutes.
""", [], None, None, None, False, True, True, False)

# 124 - EHR template output with every field left empty
note("""
TRIGGER POINT INJECTION NOTE
Indication: myofascial pain
Consent: obtained
Muscles injected: ___
Side: ___
Number of trigger points: ___
Medication/dose: ___
Guidance: ___
Complications: none
The patient tolerated the procedure well.
Follow-up: ___
Provider: ___
""", [], None, None, None, False, False, False, False)

# 125 - template partly filled: an empty volume, an unchecked guidance box
note("""
Trigger Point Injection
Muscles injected: R trap, R rhomboid
Additional muscles: ____
Number of trigger points: 3
Medication: Lidocaine 1% ___ mL
Steroid: ____
Ultrasound guidance: [ ] yes [x] no
Post-procedure instructions: ice 20 min, activity as tolerated.
Follow-up: 2 weeks
Electronically signed: J. Adeyemi, MD
""", ["right trapezius","right rhomboids"], 3, "lidocaine", "1%", True, True, False, False)

# 126 - physiatry in a chiropractic office: "TrP in R trap", Sarapin
note("""
Physiatry consult at chiropractic office (co-management).
Pt receiving chiropractic adjustments 2x/wk and massage for thoracolumbar pain.
TrP in R trap and R QL confirmed with jump sign and LTR.
TrP injection R trap x1 and R QL x2, Sarapin 2 mL mixed with 1% lidocaine 2 mL.
Advised to hold adjustments 48 hours. Recheck 2 weeks.
""", ["right trapezius","right quadratus lumborum"], 3, "sarapin + lidocaine", "2 mL + 1% 2 mL", False, True, True, True)

# 127 - terse: s/p an unrelated surgery, TPI x3, w/
note("""
Pt is s/p L TKA 2023, here for L lumbar/buttock pain.
TPI x3 performed: L glute med x2, L QL x1 w/ 3 mL 0.5% marcaine.
Pt states 0/10 pain post-injection. D/c home w/ ice. F/u prn.
""", ["left gluteus medius","left quadratus lumborum"], 3, "bupivacaine", "3 mL 0.5%", False, True, False, True)

# 128 - an addendum cancels the planned procedure
note("""
Procedure note: trigger point injections to the right trapezius and right levator scapulae planned.
Addendum: procedure cancelled - patient reported fever and is on antibiotics; TPIs not performed. Rescheduled for next week.
Signed: M. Ito, MD
""", [], None, None, None, True, True, False, False)

# 129 - CT-guided piriformis injection report ("CT fluoroscopic" is CT)
note("""
CT-GUIDED LEFT PIRIFORMIS MUSCLE INJECTION
HISTORY: Left buttock pain radiating to the posterior thigh, suspected piriformis syndrome. Conservative management including physical therapy has failed.
PROCEDURE: The patient was placed prone on the CT table. Following a localizing scan, the skin was marked and prepped. Under intermittent CT fluoroscopic guidance a 22-gauge spinal needle was advanced into the left piriformis muscle belly. A mixture of 40 mg triamcinolone and 4 mL 0.5% bupivacaine was injected.
IMPRESSION: Technically successful CT-guided left piriformis injection.
""", ["left piriformis"], None, "triamcinolone + bupivacaine", "40 mg + 4 mL 0.5%", False, False, True, False, "ct")

# 130 - a volume per muscle, UT abbreviation in a list
note("""
TPI today:
R UT - 2 mL
L UT - 2 mL
R levator - 1 mL
Agent: 0.5% lidocaine, 5 mL total.
""", ["right trapezius","left trapezius","right levator scapulae"], None, "lidocaine", "0.5%, 5 mL", False, False, False, False)

# 131 - headache clinic: group term with bilateral, "one injection each"
note("""
Headache clinic. Chronic tension-type headache, failed amitriptyline and PT.
Trigger point injections were performed today in the bilateral suboccipital muscles and bilateral temporalis, one injection each, with a total of 4 mL of 0.25% bupivacaine.
Follow up in 6 weeks with headache diary.
""", ["right suboccipitals","left suboccipitals","right temporalis","left temporalis"], 4, "bupivacaine", "4 mL of 0.25%", False, True, True, True)

# 132 - "MTrP" and three drugs mixed in one syringe, Kenalog-40
note("""
Procedure: MTrP injections, L infraspinatus and L teres minor.
Prep: chlorhexidine. Needle: 25 g 1.5".
Solution: 4 mL 1% lidocaine + 4 mL 0.25% bupivacaine + 1 mL Kenalog-40; about 2 mL per MTrP, 4 MTrPs injected.
Tolerated well. Hot packs at home, continue HEP. Return 1 month.
""", ["left infraspinatus","left teres minor"], 4, "lidocaine + bupivacaine + triamcinolone", "4 mL 1% + 4 mL 0.25% + 1 mL", False, True, True, False)

# 133 - British clinic letter to the GP: anaesthetic, "trapezius/levator",
# programme, a named signature under the sign-off
note("""
Dear Dr Hughes,
I reviewed Mrs Patel in the pain clinic today. She has longstanding left-sided neck and shoulder pain with palpable trigger points in the left trapezius/levator. She has tried physiotherapy, paracetamol and codeine. Following discussion I injected the left trapezius and levator scapulae with local anaesthetic (10 ml 0.25% bupivacaine) and 40 mg triamcinolone. She tolerated this well. I have asked her to continue her home exercise programme and will review her in the clinic in three months.
Yours sincerely,
Dr R. Okafor, Consultant in Pain Medicine
""", ["left trapezius","left levator scapulae"], None, "bupivacaine + triamcinolone", "10 ml 0.25% + 40 mg", True, True, True, False)

# 134 - procedure stopped before any injection
note("""
Procedure: trigger point injection - aborted.
Muscles injected: none (vasovagal episode during skin prep; procedure stopped before any injection).
Patient recovered fully after 10 minutes supine. Will reschedule with patient lying down.
""", [], None, None, None, False, True, False, False)

# 135 - side words after the names: B/L, rt.
note("""
Dx: cervicogenic HA, myofascial pain.
Procedure: TPIs - SCM B/L, splenius capitis B/L, trap rt. - 5 sites total.
Drug: Naropin 0.2% 5 mL.
""", ["right sternocleidomastoid","left sternocleidomastoid","right splenius capitis","left splenius capitis","right trapezius"], 5, "ropivacaine", "0.2% 5 mL", False, False, False, False)

# 136 - "LS" is lumbosacral before paraspinals
note("""
Proc: TPI to LS paraspinals B/L at L4-S1 and R QL, 4 sites, 1% lido 4 cc.
""", ["right lumbar paraspinals","left lumbar paraspinals","right quadratus lumborum"], 4, "lidocaine", "1% 4 cc", False, False, False, True)

# 137 - exam finds more; the muscles injected are a dashed list
note("""
Exam: TTP over bilateral upper trapezius, bilateral levator scapulae, bilateral rhomboids and the right infraspinatus.
Injected:
- R upper trapezius x2
- L upper trapezius x2
- R infraspinatus x1
Lidocaine 1% 0.5 mL per point.
""", ["right trapezius","left trapezius","right infraspinatus"], 5, "lidocaine", "1% 0.5 mL per point", False, False, False, True)


# Round 8: styles the corpus still lacked (notes 138-161).  Sources read
# for the styles (texts written anew, nothing copied): VA CPRS progress
# notes (LOCAL TITLE / STANDARD TITLE headers, "/es/" signature block);
# emergency-medicine TPI write-ups (tactical-medicine.com "Trigger Point
# Injection for Musculoskeletal Pain in the ED", trials.co NCT05151510:
# 1 cc of 1% lidocaine, 25 g needle); chiropractic SOAP templates
# (soapnoteai.com, sprypt.com, scoutmytool.com chiro notes: S/O/A/P,
# CMT, modalities, re-exam); PT daily notes with CPT lines (20560/20561
# dry needling, 97110, 97140; Unverzagt et al., IJSPT 2015 dry needling
# commentary: pistoning, local twitch responses); theprocedureguide.com
# sample op note and doctorlib.org Atlas of Primary Care Procedures
# (PREOPERATIVE DIAGNOSIS / PROCEDURE IN DETAIL layout); Epic SmartPhrase
# templates with unfilled *** fields; California PR-2 progress reports
# (penalty-of-perjury declaration); NHS pain clinic letters; Sarapin and
# ketorolac mixtures named by pain clinics (drglennwilcox.com: procaine);
# problem-oriented A/P lists with "s/p"; telephone encounters; (X) check
# boxes; voice-recognition dictation without punctuation.  Labels were set
# from SPEC sections 4 and 12 before the reader was run on them.  Two
# labels were corrected after the first run because they contradicted
# older ones: "N mL each" is an amount written without its "each" (004 "2
# mL each of 1% lidocaine" is "2 mL 1%", 036 "1 mL each of 1% lidocaine
# (2 mL total)" is "1 mL 1% 2 mL"), so 151 is "0.5 cc 4 cc of 1% + 1 cc"
# and 156 "0.5% 1 mL".

# 138 - VA CPRS note: header block, numbered sites, /es/ signature
note("""
LOCAL TITLE: PAIN CLINIC PROCEDURE NOTE
STANDARD TITLE: PAIN MANAGEMENT PROCEDURE NOTE
DATE OF NOTE: JUN 03, 2025@14:02     ENTRY DATE: JUN 03, 2025@14:02:37
      AUTHOR: SMITH,JANE A           EXP COSIGNER:
     URGENCY:                            STATUS: COMPLETED

Procedure: Trigger point injections, left shoulder girdle
Indication: chronic myofascial pain; has completed physical therapy and uses a TENS unit.
Time out performed per VHA Directive. Consent signed (iMed).
Sites:
1. L upper trapezius
2. L levator scapulae
3. L rhomboid major
Medication: Lidocaine 1% PF, 1 mL per site, 3 mL total.
EBL: none. Pt tolerated well.
Plan: RTC 6 wks with PCP; may repeat TPI in 3 months if >50% relief.

/es/ JANE A. SMITH, DO
STAFF PHYSICIAN, PAIN CLINIC
Signed: 06/03/2025 14:09
""", ["left trapezius","left levator scapulae","left rhomboid major"], None, "lidocaine", "1%, 3 mL", True, True, True, False)

# 139 - emergency department provider note: TPI in the ED course
note("""
EMERGENCY DEPARTMENT PROVIDER NOTE
CHIEF COMPLAINT: Upper back pain
HPI: 34 y.o. female with 3 days of right upper back pain after moving furniture. Took ibuprofen at home without relief. No trauma, no fever, no chest pain, no shortness of breath.
PHYSICAL EXAM: Palpable tender nodule with taut band medial to the right scapula at the level of T4, reproducing her pain. No midline spinal tenderness. Lungs clear.
ED COURSE: Trigger point injection performed by me at bedside. Site: right rhomboid major, 1 point, medial to the scapular border. Skin cleaned with chlorhexidine; 27 g needle; 3 mL 1% lidocaine without epinephrine injected after negative aspiration. Pain improved from 8/10 to 2/10 on re-examination.
MDM: Presentation consistent with myofascial strain. Low suspicion for PE or dissection.
DISPOSITION: Discharged home. Rx cyclobenzaprine 5 mg qHS #10. Heat, gentle stretching. Follow up with PCP in 1 week; return for chest pain, SOB or fever.
""", ["right rhomboid major"], 1, "lidocaine", "3 mL 1%", False, True, True, True)

# 140 - chiropractic SOAP note with trigger point dry needling
note("""
S: Pt reports neck pain 6/10, R > L, worse after long drives. Headaches 3x this week. Ice helps a little.
O: Cervical ROM: rotation R 60, L 70 deg. Palpation: hypertonicity and TrPs R UT, R levator scap, R suboccipitals. Restricted C2-3 R, T4.
A: Cervicalgia (M54.2), segmental dysfunction C2, T4; myofascial pain, improving.
P: CMT diversified C2, T4. Trigger point dry needling (no injectate) to R UT and R levator scapulae, 2 points each, LTRs elicited. Moist heat 10 min. Continue 2x/wk x 3 wks, re-exam visit 10.
Provider signature: K. Nguyen, DC (e-signed 04/22/2025)
""", ["right trapezius","right levator scapulae"], 4, "none", None, True, True, True, True)

# 141 - PT daily note with CPT lines; needle sizes and sets are no counts
note("""
Daily Note - Physical Therapy                 Visit 7 of 12
Dx: L hip pain (M25.552), gluteal tendinopathy.
Subjective: Pt states lateral hip pain down to 3/10; sleeping on L side still painful.
Treatment:
97110 Ther-ex x 23 min: clamshells, side-lying hip abduction 3x10, bridges.
20560 Dry needling, 1-2 muscles: L glute med and L piriformis, needles 0.30 x 50 mm, pistoning technique, 3 LTRs in glute med. No injectate. Pt tolerated with expected post-needling soreness.
97140 Manual therapy x 10 min: STM L ITB/TFL.
Assessment: improving tolerance to load; fewer TrPs than last visit.
Plan: continue POC 2x/wk; progress to single-leg loading; HEP updated.
Signed by R. Alvarez, PT, DPT on 04/09/2025 17:40
""", ["left gluteus medius","left piriformis"], None, "none", None, True, True, True, False)

# 142 - NHS pain clinic letter to the GP, counts per muscle in brackets
note("""
Pain Management Service
Dear Dr Okafor,
Re: Mrs Ann Brooks, DOB 12/03/1961, NHS No. 000 000 0000
Diagnosis: myofascial pain, left shoulder girdle
Procedure: trigger point injections
I reviewed Mrs Brooks in the procedure clinic today. She has had a course of physiotherapy and takes amitriptyline 10 mg at night, with little change. On examination there were tender, taut bands in the left trapezius and left infraspinatus with referral into the arm. After discussion of the risks she consented, and I injected 4 ml of 0.25% levobupivacaine into the left trapezius (2 points) and the left infraspinatus (2 points). There were no complications.
I have asked her to keep up the stretches the physiotherapist taught her and will review her in clinic in 8 weeks.
Yours sincerely,
Dr H. Gallagher
Consultant in Pain Medicine
cc: Mrs Ann Brooks
""", ["left trapezius","left infraspinatus"], 4, "levobupivacaine", "4 ml of 0.25%", True, True, True, True)

# 143 - voice-recognition dictation: no punctuation, "percent" spelt out
note("""
procedure note trigger point injections the patient is a 58 year old male with chronic low back pain who has failed physical therapy and meloxicam after informed consent was obtained the patient was placed prone the right quadratus lumborum and right gluteus medius were palpated and trigger points marked the skin was prepped with betadine and using a 25 gauge needle 2 trigger points in the right quadratus lumborum and 1 in the right gluteus medius were injected with a total of 6 mL of 0.5 percent bupivacaine the patient tolerated the procedure well there were no complications he will follow up in 4 weeks dictated but not read
""", ["right quadratus lumborum","right gluteus medius"], 3, "bupivacaine", "6 mL of 0.5 percent", False, True, True, True)

# 144 - coding-heavy note: ICD-10 and CPT/HCPCS codes beside the muscles
note("""
Visit Dx: M79.18 Myalgia, other site; M62.838 Other muscle spasm
Procedure codes: 20553 (TPI 3+ muscles) x1; J2001 lidocaine
Procedure: TPI. Muscles: R trapezius (M62.838), R levator scapulae, R splenius capitis, R semispinalis capitis. 4 TPs total, 1 per muscle.
Injectate: lidocaine 1% 4 mL.
Pt tolerated well. RTC prn.
Attestation: I personally performed the procedure. -- A. Brandt, MD
""", ["right trapezius","right levator scapulae","right splenius capitis","right semispinalis capitis"], 4, "lidocaine", "1% 4 mL", True, True, False, True)

# 145 - Epic SmartPhrase with unfilled *** fields
note("""
TRIGGER POINT INJECTION PROCEDURE NOTE
Pre-procedure diagnosis: piriformis syndrome, right
Consent: verbal and written consent obtained
Muscle(s) injected: right piriformis, right gluteus medius
Number of trigger points: ***
Medication: bupivacaine 0.25% *** mL
Steroid: ***
Guidance: ***
Complications: none
Follow-up: ***
""", ["right piriformis","right gluteus medius"], None, "bupivacaine", "0.25%", False, False, False, False)

# 146 - Sarapin mixed with Marcaine, thoracic levels, sites by side
note("""
Procedure: Trigger point injections, thoracic paraspinals bilaterally T6-T8
Injectate: Sarapin 2 mL mixed with 0.5% Marcaine 2 mL, 1 mL per site.
Sites: 4 (2 right, 2 left), 1.5" 25 g needle.
Patient had good response to chiropractic care but symptoms recur; continue home stretching.
Next injection in 4-6 weeks if relief.
""", ["right thoracic paraspinals","left thoracic paraspinals"], 4, "sarapin + bupivacaine", "2 mL + 0.5% 2 mL", False, True, True, True)

# 147 - ketorolac (Toradol) mixed with lidocaine; counts in brackets
note("""
PROCEDURE: Trigger point injections.
The left quadratus lumborum and left gluteus maximus were marked at the points of maximal tenderness. Toradol 30 mg was mixed with 4 mL of 1% lidocaine and injected into 4 trigger points (3 in the QL, 1 in the gluteus maximus). No complications.
The patient continues on naproxen and a muscle relaxant. Follow-up 2 weeks.
Electronically signed by: T. Ruiz, PA-C
""", ["left quadratus lumborum","left gluteus maximus"], 4, "ketorolac + lidocaine", "30 mg + 4 mL of 1%", True, True, True, True)

# 148 - planned TPIs deferred for anticoagulation
note("""
Pain clinic follow-up.
Seen for planned TPIs to the right trapezius and right rhomboids. She started apixaban last week for atrial fibrillation, and after discussion with cardiology the injections were deferred today. Exam: active trigger points persist in the right upper trapezius and rhomboid major with twitch response.
Plan: continue home exercise program and heat; will revisit TPIs once anticoagulation can be held, next visit in 4 weeks.
""", [], None, None, None, False, True, True, False)

# 149 - telephone encounter about yesterday's injections
note("""
Telephone encounter 05/14/2025 09:12
Caller: patient. Reason: soreness after yesterday's trigger point injections to the left trapezius and left levator scapulae.
Pt reports aching at the injection sites, no fever, no redness, no numbness. Advised ice 15 min at a time, acetaminophen as needed, gentle neck stretches. Call back or go to ED if redness, fever or shortness of breath.
Routed to Dr. Kim.
""", [], None, None, None, False, True, True, False)

# 150 - paper form with (X) / ( ) check boxes
note("""
TRIGGER POINT INJECTION FORM
Muscles (mark all injected):
(X) Right upper trapezius   ( ) Left upper trapezius
( ) Right levator scapulae  (X) Left levator scapulae
(X) Right rhomboid          ( ) Left rhomboid
Other: ________
Total trigger points: 5
Solution: (X) Lidocaine 1%  ( ) Bupivacaine 0.25%  ( ) Triamcinolone 40 mg/mL
Volume: 5 mL
Ultrasound guidance: ( ) yes (X) no
Follow-up: 4 weeks
Physician signature: ______________
""", ["right trapezius","left levator scapulae","right rhomboids"], 5, "lidocaine", "1% 5 mL", False, True, False, False)

# 151 - operative-report layout, forearm; side only in the title lines
note("""
PREOPERATIVE DIAGNOSIS: Myofascial pain, right forearm; lateral epicondylalgia.
POSTOPERATIVE DIAGNOSIS: Same.
PROCEDURE PERFORMED: Trigger point injections, right forearm.
ANESTHESIA: Local.
PROCEDURE IN DETAIL: The patient was seated with the right elbow flexed to 90 degrees on a padded table. The extensor carpi radialis longus and brachioradialis were palpated and two trigger points were marked in each, 3 to 5 cm distal to the lateral epicondyle. After Betadine prep, a 25-gauge 1.5-inch needle was used to inject 0.5 cc each of a mixture of 4 cc of 1% Xylocaine and 1 cc of Kenalog 40 into the four trigger points. Band-Aids were applied. The patient tolerated the procedure well.
DISPOSITION: Wrist brace at night, continue occupational therapy. Return in six weeks.
""", ["right extensor carpi radialis longus","right brachioradialis"], 4, "lidocaine + triamcinolone", "0.5 cc 4 cc of 1% + 1 cc", False, True, True, True)

# 152 - general surgery clinic: abdominal wall, "a single trigger point"
note("""
General Surgery Clinic - Procedure
Chronic abdominal wall pain after laparoscopic cholecystectomy. Carnett sign positive at a 2 cm point at the lateral edge of the right rectus abdominis, 3 cm above the umbilicus. Ultrasound not used.
After alcohol prep, a single trigger point in the right rectus abdominis was injected with 5 mL of 0.25% bupivacaine and 40 mg Depo-Medrol. Pain score 7/10 before, 1/10 after.
Return in 3 weeks; if relief is short-lived, will consider anterior cutaneous nerve neurectomy.
""", ["right rectus abdominis"], 1, "bupivacaine + methylprednisolone", "5 mL of 0.25% + 40 mg", False, True, False, True)

# 153 - sports medicine, thigh; VMO alias
note("""
Sports Medicine Procedure Note
Runner with lateral knee pain from myofascial trigger points in the left vastus lateralis and VMO; IT band stretching and foam rolling for 6 weeks without change.
TPI performed today: L vastus lateralis x2, L VMO x1, mid-thigh, lateral and medial respectively. No ultrasound guidance.
Medication: 3 mL 1% lidocaine, 1 mL per site.
Return to running as tolerated; recheck 3 weeks.
""", ["left vastus lateralis","left vastus medialis"], 3, "lidocaine", "3 mL 1%", False, True, True, True)

# 154 - survivorship clinic: chest wall after mastectomy, rib landmarks
note("""
Breast oncology survivorship clinic - procedure
History: L mastectomy 2022 with radiation; chronic chest wall and axillary pain. Physical therapy for cording completed.
Today: trigger point injections to the left pectoralis minor (2 points, just below the coracoid) and left serratus anterior (2 points at the 5th and 6th ribs, midaxillary line), 0.5% ropivacaine 1 mL per point, 4 mL total.
Tolerated well. Plan: continue scar massage; follow-up 1 month.
Signed: L. Chen, MD
""", ["left pectoralis minor","left serratus anterior"], 4, "ropivacaine", "0.5%, 4 mL", True, True, True, True)

# 155 - problem-oriented A/P: "s/p" an earlier TPI, today's in the plan
note("""
Assessment/Plan:
#1 Myofascial pain, R shoulder girdle - s/p TPI to L trap 3 wks ago with 50% relief x 10 days. Today TPI to R infraspinatus x3 and R teres minor x1, 0.25% bupivacaine 4 mL total. Cont HEP.
#2 Insomnia - sleep hygiene reviewed.
#3 HTN - per PCP.
F/u 4 wks.
""", ["right infraspinatus","right teres minor"], 4, "bupivacaine", "0.25% 4 mL", False, True, True, True)

# 156 - adolescent: topical EMLA first, count stated with its muscle
note("""
Adolescent Medicine - Procedure
15 y.o. swimmer with right neck and shoulder pain; father present and consented, patient assented. Has done 6 weeks of PT and ibuprofen.
EMLA applied to the marked area 45 minutes before. Trigger points: 2, both in the right upper trapezius (one near the acromion, one midway to the neck). 0.5% lidocaine 1 mL each.
Ice tonight, no swimming for 48 hours, clinic visit in 2 weeks.
""", ["right trapezius"], 2, "lidocaine", "0.5% 1 mL", False, True, True, True)

# 157 - "TPI #3 of a series": a session number, not a count
note("""
Myofascial pain follow-up, TPI #3 of a series of 4.
Relief after TPI #2 lasted about 3 weeks (pain 7 -> 3/10).
Procedure today: trigger point injections into the bilateral gluteus medius and right piriformis, 1 point each, 1% lidocaine 2 mL + 0.25% bupivacaine 1 mL.
Continue aquatic physical therapy. Next TPI in 4 weeks.
Electronically signed by R. Osei, DO on 07/01/2025 at 16:03
""", ["right gluteus medius","left gluteus medius","right piriformis"], 3, "lidocaine + bupivacaine", "1% 2 mL + 0.25% 1 mL", True, True, True, True)

# 158 - "right and left X": both sides of each muscle
note("""
Procedure: Myofascial trigger point injections (TPIs) were administered to the following muscles: right and left trapezius, right and left rhomboid minor. A total of eight sites were injected with 8 cc of 1% lidocaine.
The patient was given home stretches and told to apply heat.
""", ["right trapezius","left trapezius","right rhomboid minor","left rhomboid minor"], 8, "lidocaine", "8 cc of 1%", False, True, True, False)

# 159 - California PR-2 workers' compensation progress report, /s/
note("""
PRIMARY TREATING PHYSICIAN'S PROGRESS REPORT (PR-2)
Subjective complaints: Neck and upper back pain 6/10, worse with overhead work. Has completed 12 sessions of chiropractic treatment and 8 of acupuncture.
Objective findings: Spasm and trigger points in the cervical paraspinals and trapezii bilaterally; Spurling negative.
Diagnoses: Cervical sprain/strain; myofascial pain syndrome.
Treatment rendered today: Trigger point injections x 4 to the cervical paraspinals and trapezii bilaterally, 1% lidocaine 4 cc.
Work status: Modified duty, no lifting over 20 lbs.
Treatment plan: Request authorization for 6 additional sessions of physical therapy. Re-evaluate in 4 weeks.
I declare under penalty of perjury that the information contained in this report is true and correct.
Signature: /s/ M. Rivera, MD   Date: 03/17/2025
""", ["right cervical paraspinals","left cervical paraspinals","right trapezius","left trapezius"], 4, "lidocaine", "1% 4 cc", True, True, True, False)

# 160 - inpatient acute pain service: bedside US-guided QL injection
note("""
Acute Pain Service - Consult Follow-up
Reason: refractory left flank/back muscle spasm, POD 3 after left nephrectomy; oral oxycodone and scheduled acetaminophen.
Exam: exquisite taut band in the left quadratus lumborum lateral to the L2-L3 paraspinals, reproducing pain.
Procedure at bedside: after chlorhexidine prep, 5 mL of 0.5% ropivacaine was injected into the left QL trigger point under ultrasound guidance (curvilinear probe, in-plane). No complications.
Recommendations: lidocaine patch to the flank, PT to mobilize, APS will follow daily.
""", ["left quadratus lumborum"], None, "ropivacaine", "5 mL of 0.5%", False, True, True, True, "ultrasound")

# 161 - terse log: Rt/Lt, TrP, "glut med", a rate as the only dose
note("""
TrP injection log
Pt ID ______   DOS 08/12/2025
TrPs injected: Rt QL x2, Rt glut med x1, Lt QL x2.
Drug: 0.25% Sensorcaine, 1 cc per TrP.
Post: no bleeding, ambulating independently.
""", ["right quadratus lumborum","right gluteus medius","left quadratus lumborum"], 5, "bupivacaine", "0.25%, 1 cc per TrP", False, False, False, True)


# Round 9: styles the corpus still lacked (notes 162-186), written anew
# (never copied) after public material: theprocedureguide.com (sample op
# note: 25 g 1.5" needle, 0.25% bupivacaine with 40 mg triamcinolone),
# droracle.ai's coding case (rhomboid major, rhomboid minor and "levator
# scapular", 4 trigger points, 2 cc of 0.25% bupivacaine each, negative
# aspiration), AAPC Part B Coding Alert "20552-20553 cover paraspinal
# muscle TPI" (name the specific deep neck muscles, right and left are
# two), summitrcm.com's TPI documentation checklist, seattlenaturopathic
# center.com (ultrasound-guided TPIs, naturopathic injectates),
# drglennwilcox.com (procaine), Botwin et al., Pain Physician 2008 (US-
# guided cervicothoracic TPIs), Tameside NHS leaflet (TPIs under x-ray),
# and the export forms of EHRs (tab-separated fields with CRLF line
# ends, Word typography, Markdown from scribe tools, after-visit
# summaries).  Labels were set from SPEC sections 4 and 12 before the
# reader was run on them; as in 082, drug_name names every substance
# injected at the visit.

# 162 - EHR export: CRLF line ends, label and value split by a tab, a
# Laterality field, generic with the brand in brackets, "HCl"
note("""
PROCEDURE NOTE\tTrigger Point Injection
Date\t06/02/2025
Provider\tS. Iyer, MD
Laterality\tRight
Muscles\tUpper trapezius; levator scapulae; rhomboid minor
Trigger points\t5
Medication\tLidocaine HCl 1% (Xylocaine) 5 mL
Guidance\tNone (palpation)
Complications\tNone
Disposition\tHome, stable. Follow up 3 weeks.
Electronically signed\tS. Iyer, MD 06/02/2025 11:05
""", ["right trapezius","right levator scapulae","right rhomboid minor"], 5, "lidocaine", "1% 5 mL", True, True, False, False, crlf=True)

# 163 - pasted from a word processor: bullets, the sign x, en dashes,
# curly apostrophes, a no-break space in "7 mL", an em-dash sign-off
note("""
Procedure: Trigger point injections \u2014 cervical/upper thoracic
Patient\u2019s pain 7/10 pre-procedure.
\u2022 R upper trapezius \u00d72
\u2022 L upper trapezius \u00d72
\u2022 R rhomboid major \u00d71
\u2022 Thoracic paraspinals T3\u2013T5 bilat, \u00d71 each
Injectate: 0.5% lidocaine, 7\u00a0mL total (\u22481 mL/point).
Post-procedure pain 2/10. Pt to continue PT & HEP; f/u 4\u20136 wks.
\u2014 Signed: J. O\u2019Neill, DO
""", ["right trapezius","left trapezius","right rhomboid major","right thoracic paraspinals","left thoracic paraspinals"], 7, "lidocaine", "0.5%, 7 mL", True, True, True, True)

# 164 - Markdown from a scribe tool: headings, bold labels, a pipe table
# with a rule row, italics around the signature
note("""
## Procedure Note: Trigger Point Injections

**Indication:** Myofascial pain, lumbar and gluteal, refractory to 6 weeks of PT, cyclobenzaprine and ibuprofen.

**Procedure details**

| Muscle | Side | Trigger points |
|---|---|---|
| Quadratus lumborum | Left | 2 |
| Gluteus medius | Left | 1 |
| Tensor fasciae latae | Left | 1 |

- **Medication:** 0.25% bupivacaine (Marcaine), 4 mL total
- **Guidance:** ultrasound-guided (real-time, linear probe)
- **Complications:** none

**Plan:** follow up in 4 weeks; continue home exercise program.

*Electronically signed by Dana Whitfield, MD*
""", ["left quadratus lumborum","left gluteus medius","left tensor fasciae latae"], 4, "bupivacaine", "0.25%, 4 mL", True, True, True, True, "ultrasound")

# 165 - transcription op-report layout (droracle.ai coding case):
# "levator scapular" misspelt, a count of points identified and injected,
# a volume per point as the only dose
note("""
PREOPERATIVE DIAGNOSIS: Myofascial pain syndrome, right upper back.
POSTOPERATIVE DIAGNOSIS: Same.
PROCEDURE: Trigger point injections.
ANESTHESIA: None.
INDICATIONS: The patient has had right medial scapular pain for five months, unresponsive to a home exercise program, naproxen and a course of massage therapy.
DESCRIPTION OF PROCEDURE: The risks and benefits were explained and informed consent was signed. The patient was seated. The right rhomboid major, rhomboid minor and levator scapular muscles were palpated and four trigger points were identified and marked. After a Betadine prep, a 25-gauge 1.5-inch needle was inserted into each trigger point; after negative aspiration, each trigger point received 2 cc of 0.25% bupivacaine. Band-Aids were applied. The patient tolerated the procedure well.
DISPOSITION: The patient will return in two weeks for reassessment.
""", ["right rhomboid major","right rhomboid minor","right levator scapulae"], 4, "bupivacaine", "2 cc of 0.25%", False, True, True, False)

# 166 - AAPC Part B paraspinal guidance: the deep neck muscles named one by
# one, "R & L" after the names, a level, a total with one per muscle
note("""
CERVICAL TRIGGER POINT INJECTIONS
Hx: whiplash 2/2025; failed PT x 10 visits, massage, and tizanidine.
Exam: taut bands with referred pain to the occiput in the semispinalis capitis and splenius capitis on both sides, and in the R multifidus at C4-5.
Procedure: TPI to semispinalis capitis R & L, splenius capitis R & L, R cervical multifidus at C4-5; 5 injections (1 per muscle).
Medication: dexamethasone 4 mg mixed with 1% lidocaine 4 mL.
Pt tolerated well. RTC 6 wks.
Signed electronically by: M. Haddad, MD
""", ["right semispinalis capitis","left semispinalis capitis","right splenius capitis","left splenius capitis","right multifidus"], 5, "dexamethasone + lidocaine", "4 mg + 1% 4 mL", True, True, True, True)

# 167 - naturopathic injection therapy (seattlenaturopathiccenter.com,
# drglennwilcox.com): procaine with Traumeel, ultrasound seen per needle,
# a bare sign-off under the note
note("""
Naturopathic Medicine - Injection Therapy Visit
CC: R shoulder blade pain, desk worker. Has done acupuncture and massage; uses a standing desk.
Tx today: Ultrasound-guided trigger point injections, R infraspinatus (3 points) and R teres major (1 point).
Injectate: procaine 1% 4 mL with Traumeel 2.2 mL (1 ampule).
Needle visualized in the muscle on US for each injection. No adverse events.
Plan: recheck 2 weeks, continue stretching.
-- Dr. A. Lindqvist, ND
""", ["right infraspinatus","right teres major"], 4, "procaine + traumeel", "1% 4 mL + 2.2 mL", True, True, True, True, "ultrasound")

# 168 - MA-assisted template: a drug in the allergies and in the current
# medications, lot, expiry and NDC numbers inside the medication line
note("""
TRIGGER POINT INJECTION
Allergies: Xylocaine (hives), penicillin.
Current medications: meloxicam 15 mg daily, gabapentin 300 mg TID, lidocaine 5% patch.
Because of the lidocaine allergy, bupivacaine was used.
Injected: left gluteus maximus x2, left piriformis x1
Medication: bupivacaine 0.5%, lot 4821-AB, exp 11/2026, 3 mL; NDC 0409-1162-01.
Assisted by: T. Moore, CMA
Tolerated well; post-injection pain 1/10.
Follow-up: 1 month.
Reviewed and electronically signed by P. Shah, DO 07/11/2025
""", ["left gluteus maximus","left piriformis"], 3, "bupivacaine", "0.5%, 3 mL", True, True, True, True)

# 169 - a pended note not signed; x-rays reviewed and EMG are no guidance
# of those SPEC names
note("""
** PRELIMINARY - NOTE NOT SIGNED **
Pain Medicine Procedure Note (pended)
Imaging: cervical x-rays from 05/2025 reviewed - mild C5-6 spondylosis.
Procedure: TPIs under EMG guidance to identify endplate activity.
Muscles: L SCM (2), L scalenus medius (1), L levator scapulae (2)
Injectate: 1% lidocaine 5 mL total
Complications: none
Patient was advised to avoid heavy lifting for 24 hours.
""", ["left sternocleidomastoid","left scalenus medius","left levator scapulae"], 5, "lidocaine", "1% 5 mL", False, True, False, True)

# 170 - lower-case shorthand, a unit joined to its number ("5cc")
note("""
tpi today. r ut x2, l ut x2, r lev scap x1. 1% lido 5cc total w/ 27g. tol well, no cx. cont pt + hep, f/u 1 mo.
""", ["right trapezius","left trapezius","right levator scapulae"], 5, "lidocaine", "1% 5cc", False, True, True, True)

# 171 - a copied-forward earlier procedure note inside today's
note("""
Follow-up visit 08/05/2025
Interval: 50% relief for 3 weeks after last TPIs. Still doing PT twice weekly.
--- Previous procedure note (07/08/2025), copied for reference ---
TPIs: R QL x2, R glute med x2 with 0.25% bupivacaine 4 mL.
--- end of copied text ---
Today's procedure: trigger point injections to the R QL x2 and R piriformis x1, 0.25% bupivacaine 3 mL total, plus Kenalog 20 mg.
Next visit 4 weeks.
Electronically signed by H. Brandt, MD 08/05/2025
""", ["right quadratus lumborum","right piriformis"], 3, "bupivacaine + triamcinolone", "0.25% 3 mL + 20 mg", True, True, True, True)

# 172 - a grid of counts with Right and Left columns; a 0 is a muscle of
# that side not injected
note("""
TRIGGER POINT INJECTION RECORD
Trigger points injected per muscle:
                      Right   Left
Upper trapezius         2       2
Levator scapulae        1       0
Rhomboid major          0       1
Infraspinatus           1       1
Agent: 0.25% bupivacaine, 8 mL total (1 mL per trigger point)
Signature: R. Castillo MD
""", ["right trapezius","left trapezius","right levator scapulae","left rhomboid major","right infraspinatus","left infraspinatus"], 8, "bupivacaine", "0.25%, 8 mL", True, False, False, True)

# 173 - vitals, pain scores, clock times and needle sizes among the
# numbers; "sonographic guidance"; a landmark (Botwin et al. 2008)
note("""
Procedure note - trigger point injection
Time-out 14:02. Vitals: BP 138/86, HR 76, SpO2 98%. Pain 8/10.
Using sonographic guidance (linear 6-13 MHz transducer) a 25G 2" needle was advanced into the L infraspinatus at 3 sites medial to the spinoglenoid notch, avoiding the suprascapular neurovascular bundle.
Total 6 mL of 0.25% ropivacaine (2 mL/site).
14:11 procedure completed, pain 3/10.
D/c home with instructions; RTC 2 wks.
""", ["left infraspinatus"], 3, "ropivacaine", "6 mL of 0.25%", False, True, False, True, "ultrasound")

# 174 - more words that leave a muscle out: skipped, held off on
note("""
Procedure: TPIs.
Identified trigger points: bilateral upper trapezius, R levator scapulae, L rhomboid, R SCM.
Injected today: bilateral upper trapezius and R levator scapulae. Skipped the L rhomboid (pt preference) and held off on the R SCM given recent carotid surgery.
Agent: Naropin 0.2% 6 mL.
RTC 3 weeks; home stretching.
""", ["right trapezius","left trapezius","right levator scapulae"], None, "ropivacaine", "0.2% 6 mL", False, True, True, False)

# 175 - three brands with "-MPF", a concentration per mL, a syringe size
# that is no dose, the count in brackets after the label
note("""
TPI - Procedure Documentation
Pre-procedure dx: M79.12 myalgia of auxiliary muscles, head and neck
Agents: Xylocaine-MPF 1% 3 mL + Sensorcaine-MPF 0.25% 3 mL + Depo-Medrol 40 mg/mL 1 mL (drawn up in a 10 mL syringe)
Muscles injected (6 TPs): R upper trap x2, R levator x2, R splenius capitis x2
Pt has done 8 weeks of formal PT and takes Tylenol; no relief.
Return in 4 weeks.
Signed: Dr. K. Wu
""", ["right trapezius","right levator scapulae","right splenius capitis"], 6, "lidocaine + bupivacaine + methylprednisolone", "1% 3 mL + 0.25% 3 mL + 40 mg/mL 1 mL", True, True, True, True)

# 176 - sports medicine shorthand: "&" between names, "bilat" after
# them, "2 TPs ea (8 total)", "no steroid"
note("""
Sports Med Clinic - Procedure
Runner with lateral hip pain. Failed 6 wk rehab w/ PT, foam rolling, and NSAIDs.
TPI: glute med & TFL bilat, 2 TPs ea (8 total).
Inj: 1% lidocaine 8 mL, no steroid.
Guidance: none; palpation.
Plan: return to running progression, f/u 3 wks.
""", ["right gluteus medius","left gluteus medius","right tensor fasciae latae","left tensor fasciae latae"], 8, "lidocaine", "1% 8 mL", False, True, True, True)

# 177 - procedure stopped after the first muscle (vasovagal); the others
# of the planned list not injected; "the R trapezius at 2 points" is a
# count with its muscle, a place as "R infraspinatus x2" in 092
note("""
Procedure: Trigger point injections, planned for R trapezius, R levator scapulae and R rhomboids.
After injection of the R trapezius at 2 points with 2 mL of 1% lidocaine, the patient became diaphoretic and lightheaded (vasovagal). The procedure was stopped; the R levator scapulae and R rhomboids were not injected.
Patient recovered in supine position within 10 minutes, vitals stable.
Will reschedule the remaining injections.
""", ["right trapezius"], 2, "lidocaine", "2 mL of 1%", False, True, False, True)

# 178 - all capitals, telegraphic: "BIL ... X2 EA", a level, "US
# GUIDANCE: NO", "E-SIGNED"
note("""
DX: MYOFASCIAL PAIN SYNDROME, LOW BACK
PROC: TPI X 6 - BIL QL X2 EA, BIL LUMBAR PARASPINALS AT L3-4 X1 EA
MED: 0.5% MARCAINE 6 CC + 40 MG KENALOG
US GUIDANCE: NO
F/U: 4 WKS
E-SIGNED: R. PATEL MD
""", ["right quadratus lumborum","left quadratus lumborum","right lumbar paraspinals","left lumbar paraspinals"], 6, "bupivacaine + triamcinolone", "0.5% 6 CC + 40 MG", True, True, False, True)

# 179 - dictation by side: "On the right, ... On the left, ...", counts
# "at two points" and "at one", yoga
note("""
Trigger point injections were performed today. On the right, the upper trapezius was injected at two points and the levator scapulae at one. On the left, the rhomboids were injected at two points. Each point received 1 mL of 0.5% lidocaine. She has been doing yoga and massage with some benefit. I will see her back in a month.
""", ["right trapezius","right levator scapulae","left rhomboids"], 5, "lidocaine", "1 mL of 0.5%", False, True, True, True)

# 180 - hand clinic: muscles the catalogue does not know (SPEC section 4:
# one muscle each, by their text), one of them with a catalogued word
note("""
Hand clinic procedure note
Dx: myofascial pain of the right hand after repetitive gripping; splinting and occupational therapy without relief.
Procedure: trigger point injection of the right first dorsal interosseous and right adductor pollicis, one trigger point each, using 1% lidocaine, 0.5 mL per point.
Follow-up with hand therapy in 2 weeks.
""", ["right first dorsal interosseous","right adductor pollicis"], 2, "lidocaine", "1%, 0.5 mL per point", False, True, True, True)

# 181 - urgent care: an IM injection given the same visit (as 082, every
# substance injected is named), a level in brackets, home medications
note("""
URGENT CARE VISIT
HPI: 34 yo M lifting boxes yesterday, now L low back spasm. Took ibuprofen at home.
Exam: palpable spasm and trigger point L lumbar paraspinals, neg SLR.
Meds given in clinic: Toradol 60 mg IM x1.
Procedure: trigger point injection L lumbar paraspinals at L3 (2 sites), 1% lidocaine 4 mL.
Dispo: home, cyclobenzaprine 10 mg qhs, heat, f/u PCP 1 week.
""", ["left lumbar paraspinals"], 2, "ketorolac + lidocaine", "60 mg + 1% 4 mL", False, True, True, True)

# 182 - nurse practitioner template: "Location(s)", "(n=4)", "w/o epi",
# "Authenticated by"
note("""
Procedure: Trigger Point Injection(s)
Location(s): L upper trapezius, L levator scapulae, L rhomboid minor
Injection sites (n=4)
Lidocaine 1% w/o epi: 4 mL | Triamcinolone 10 mg
Verbal consent. Aseptic technique. Pt tolerated procedure w/o complication.
Reviewed: ibuprofen 600 mg PRN and a home stretching program.
Authenticated by: C. Flores, APRN, 09/15/2025 16:20
""", ["left trapezius","left levator scapulae","left rhomboid minor"], 4, "lidocaine + triamcinolone", "1% 4 mL + 10 mg", True, False, True, False)

# 183 - medical acupuncture / dry needling by a physician: needles, no
# medication, electrical stimulation in Hz and minutes
note("""
Medical acupuncture / dry needling visit
Myofascial trigger points needled (no medication): R gastrocnemius medial head x3, R soleus x2. Electrical stimulation 2 Hz for 15 min via the gastroc needles.
Prior treatments: orthotics, calf stretching, and massage.
Next session in 1 week.
""", ["right gastrocnemius","right soleus"], 5, "none", None, False, True, True, True)

# 184 - diagnostic ultrasound first, then TPIs by palpation: no guidance;
# a group term in the ultrasound report is no site; a 50:50 mix
note("""
MSK clinic
Diagnostic ultrasound of the right shoulder: intact rotator cuff, no effusion.
Trigger point injections were then performed by palpation (no image guidance) into the right infraspinatus and right posterior deltoid, 2 points each, using a 50:50 mix of 1% lidocaine and 0.5% bupivacaine, 4 mL total.
Home exercise program reviewed. Follow up 6 weeks.
""", ["right infraspinatus","right deltoid"], 4, "lidocaine + bupivacaine", "1% + 0.5%, 4 mL", False, True, True, True)

# 185 - live fluoroscopy (C-arm) for a deep muscle, another muscle by
# palpation; contrast named without a drug; "will continue PT" alone is
# no plan after the procedure, as "Continue PT" in 045 and 097
note("""
Procedure: Left iliopsoas trigger point injection under live fluoroscopy (C-arm), with contrast confirmation.
Injectate: 0.25% bupivacaine 5 mL + dexamethasone 4 mg.
Also injected by palpation: left quadratus lumborum x2.
Post: hip flexion pain improved. Pt will continue PT.
Signed by: B. Okoro, MD
""", ["left iliopsoas","left quadratus lumborum"], 2, "bupivacaine + dexamethasone", "0.25% 5 mL + 4 mg", True, False, True, True, "fluoroscopy")

# 186 - after-visit summary in plain words to the patient: "spots", a
# region word that says where the named muscles lie, the next appointment
note("""
AFTER VISIT SUMMARY
What we did today: You had trigger point injections into 3 spots in your right shoulder blade muscles (rhomboids) and 1 spot in your right neck muscle (levator scapulae). The medicine used was lidocaine (a numbing medicine).
What to do at home: You may feel sore for 1-2 days. Keep doing the stretches your physical therapist gave you.
Your next appointment: 10/21/2025 at 9:30 AM with Dr. Ramos.
""", ["right rhomboids","right levator scapulae"], 4, "lidocaine", None, False, True, True, True)


# Round 10: styles the corpus still lacked (notes 187-205), written anew
# (never copied) after public material: Robbins et al., Headache 2014 (AHS
# consensus on TPIs for headache: temporalis, occipitalis, SCM, with
# occipital nerve blocks the same visit), Suleiman & Johnston, Am Fam
# Physician 2001 and Shian & Larson, AFP 2018 (abdominal wall trigger
# points at the lateral rectus border, Carnett sign, ultrasound guidance),
# dallastmjdr.com and Ozkan et al., Agri 2011 (masseter and temporalis
# TPIs with plain lidocaine and a splint), European Latin naming ("m.
# trapezius pars descendens"), and the layouts of EHR templates (plain
# text columns, [X]/[ ] boxes, numbered sites, a medication
# administration record, addenda, cosignatures).  Labels were set from
# SPEC sections 4 and 12 before the reader was run on them; two were
# corrected after: 189 (a PT referral is care not yet had, SPEC "prior or
# ongoing") and 192 (numbered sites state no count, as in 138).

# 187 - headache clinic: an occipital nerve block and TPIs the same visit,
# part words ("anterior fibres", "sternal head"), "Cosigned by"
note("""
HEADACHE CLINIC - PROCEDURE NOTE
Diagnosis: chronic migraine without aura with pericranial myofascial trigger points.
Preventive: topiramate 50 mg BID; has completed a course of physical therapy for posture.
Procedure 1: Bilateral greater occipital nerve blocks.
Procedure 2: Trigger point injections - bilateral temporalis (anterior fibres), right occipitalis, left sternocleidomastoid (sternal head), 1 TP each; total 5 trigger points.
Agent for both procedures: 0.5% bupivacaine, 10 mL total.
No paresthesias. Headache 7/10 before, 3/10 at 10 minutes.
Return in 6 weeks; keep a headache diary.
Cosigned by: N. Farah, MD (attending)
""", ["right temporalis","left temporalis","right occipitalis","left sternocleidomastoid"], 5, "bupivacaine", "0.5%, 10 mL", True, True, True, True)

# 188 - European Latin naming: "m. trapezius pars descendens", "musculus
# levator scapulae", TrP, a latent point left untreated, "Control"
note("""
Trigger point infiltration
Findings: active myofascial trigger points in m. trapezius pars descendens right and musculus levator scapulae right; latent TrP in m. infraspinatus left.
Infiltration: m. trapezius pars descendens right (2 TrP), musculus levator scapulae right (1 TrP).
Substance: procaine 1%, 3 ml.
The latent TrP in the left infraspinatus was not treated.
Physiotherapy continues twice weekly. Control in 3 weeks.
e-signed: Dr. med. K. Vogel, 12.03.2025
""", ["right trapezius","right levator scapulae"], 3, "procaine", "1%, 3 ml", True, True, True, True)

# 189 - a plain-text table with Muscle, Side and TPs columns; a 0 row is
# a muscle not injected; a totals row
note("""
TPI PROCEDURE RECORD
Muscle                    Side    TPs
Gluteus medius            L       2
Gluteus minimus           L       1
Piriformis                L       1
Quadratus lumborum        L       0
Total                             4
Solution: ropivacaine 0.2%, 4 mL total
Verified by: J. Ames, RN.  Signed: L. Stone, MD
Plan: PT referral for hip strengthening; reassess in 4 weeks.
""", ["left gluteus medius","left gluteus minimus","left piriformis"], 4, "ropivacaine", "0.2%, 4 mL", True, True, False, True)

# 190 - names joined by slashes: "SCM/scalenes", "teres major/minor"
note("""
Procedure: TPIs
R SCM/scalenes x1 each, R teres major/minor x1 each
Lidocaine 1% 4 mL, 25g needle.
Tol well. Cont HEP, f/u 1 mo.
""", ["right sternocleidomastoid","right scalenes","right teres major","right teres minor"], 4, "lidocaine", "1% 4 mL", False, True, True, True)

# 191 - a shared head in prose: "rhomboid major and minor", "pectoralis
# major and minor", one injection into each muscle, a rate as the dose
note("""
The patient is a 41-year-old violinist with left periscapular and anterior chest wall pain. She has had 12 sessions of physical therapy and uses diclofenac gel. Today, after consent, trigger point injections were performed in the left rhomboid major and minor and the left pectoralis major and minor, one injection into each muscle, with 0.25% bupivacaine 1 mL per site. She tolerated it well. Follow up in 4 weeks.
Electronically signed: V. Rao, MD
""", ["left rhomboid major","left rhomboid minor","left pectoralis major","left pectoralis minor"], 4, "bupivacaine", "0.25% 1 mL per site", True, True, True, True)

# 192 - a numbered list of the injection sites, two in one muscle,
# landmarks; as in 138, numbered sites state no count of them
note("""
TRIGGER POINT INJECTIONS
Sites injected:
1. Right upper trapezius, mid-belly
2. Right upper trapezius, near the acromion
3. Right levator scapulae at the superior angle of the scapula
4. Left upper trapezius, mid-belly
Medication: 1% lidocaine, 4 mL total.
Return 3 weeks. Continue ibuprofen and stretching.
Signed - T. Okafor, MD
""", ["right trapezius","left trapezius","right levator scapulae"], None, "lidocaine", "1%, 4 mL", True, True, True, True)

# 193 - a numbered assessment and plan: TPIs today for one problem,
# TPIs planned to other muscles for another
note("""
Assessment/Plan:
1. Myofascial pain, cervical - TPIs today to L trapezius x2 and L levator scapulae x1 with 3 mL 1% lidocaine. Tolerated well.
2. Lumbar myofascial pain - will plan TPIs to bilateral QL and glute med at next visit if PT does not help.
3. Continue cyclobenzaprine 5 mg qhs.
RTC 4 weeks.
""", ["left trapezius","left levator scapulae"], 3, "lidocaine", "3 mL 1%", False, True, True, True)

# 194 - the drug only in a medication administration record after the
# procedure; "Administered by" is no signature
note("""
PROCEDURE: Trigger point injections, right lumbar paraspinals (L4) and right gluteus maximus, 2 trigger points each.
Time out performed. Skin cleansed with alcohol. 27 g needle. No complications.

MEDICATION ADMINISTRATION RECORD
Medication: Bupivacaine HCl 0.25% injection
Dose: 4 mL
Route: intramuscular (trigger point)
Administered by: K. Diaz, MD 10:42

Follow up in 2 weeks.
""", ["right lumbar paraspinals","right gluteus maximus"], 4, "bupivacaine", "0.25% 4 mL", False, True, False, True)

# 195 - ultrasound in the room but not used; "Dictated but not read"
# with a cosignature
note("""
Trigger point injection note
Ultrasound was available in the room but was not used; trigger points were localized by palpation.
Muscle: right infraspinatus, 3 points along the infraspinous fossa.
Drug: lidocaine 1% 3 cc
Post-procedure instructions given; return PRN.
Dictated but not read. Cosigned by Dr. P. Lam
""", ["right infraspinatus"], 3, "lidocaine", "1% 3 cc", True, True, False, True)

# 196 - OB/GYN abdominal wall pain after a cesarean: Carnett sign, a
# landmark by a scar, under ultrasound guidance, a steroid mixed in
note("""
OB/GYN clinic - abdominal wall pain after cesarean
Carnett sign positive in the right lower quadrant, 3 cm lateral to the Pfannenstiel scar.
Procedure: Under ultrasound guidance, trigger point injection into the right rectus abdominis at its lateral border (1 site) and the right internal oblique (1 site).
Injected 0.25% bupivacaine 3 mL mixed with triamcinolone 20 mg.
She has tried acetaminophen, a heating pad and pelvic floor physical therapy.
Follow-up in 3 weeks, sooner if fever or redness.
e-signed: G. Mendez, MD
""", ["right rectus abdominis","right internal oblique"], 2, "bupivacaine + triamcinolone", "0.25% 3 mL + 20 mg", True, True, True, True, "ultrasound")

# 197 - orofacial pain (dental): masseter portions, a splint, jaw
# opening in mm, a bare sign-off that is no signature line
note("""
Orofacial Pain Clinic
Dx: myofascial pain of the masticatory muscles (TMD), bruxism.
Treatment to date: occlusal splint at night, soft diet, NSAIDs.
Trigger point injections: L masseter (deep and superficial portions) x2, L temporalis x1.
Anesthetic: 1.8 mL of 2% lidocaine without epinephrine.
Jaw opening 28 mm before, 38 mm after injection.
Recall 2 weeks; jaw stretching exercises.
J. Kim DDS
""", ["left masseter","left temporalis"], 3, "lidocaine", "1.8 mL of 2%", False, True, True, True)

# 198 - pediatric sports medicine: assent, weight, a level, "musculature",
# vapocoolant spray, an attending attestation
note("""
Pediatric Sports Medicine
14 y/o female gymnast, accompanied by her mother, who consented; patient assented.
Has done 8 weeks of PT and ice after practice.
Procedure: trigger point injection, L lumbar paraspinal musculature at L2 (1 TP) and L quadratus lumborum (1 TP).
Medication: lidocaine 1%, 2 mL (weight 45 kg).
Vapocoolant spray used for comfort.
Return to gymnastics as tolerated; recheck in 3 weeks.
Attending attestation: I was present for the entire procedure. - S. Grant, MD
""", ["left lumbar paraspinals","left quadratus lumborum"], 2, "lidocaine", "1%, 2 mL", True, True, True, True)

# 199 - rheumatology: fibromyalgia tender points (no injection), a count
# per side, a volume per side, other drugs that are not injected
note("""
RHEUMATOLOGY FOLLOW-UP
Fibromyalgia with 14/18 tender points. Also localized myofascial trigger points in the bilateral supraspinatus.
Meds: duloxetine 60 mg, methotrexate 15 mg weekly (for RA), folic acid.
Procedure today: TPI bilateral supraspinatus, 2 sites per side, 1% lidocaine 2 mL per side.
Encouraged aquatic therapy and graded exercise.
Next visit: 3 months with labs.
Electronically signed by: R. Osei, MD
""", ["right supraspinatus","left supraspinatus"], 4, "lidocaine", "1% 2 mL per side", True, True, True, True)

# 200 - a template of boxes across one line, sides in brackets, a blank
# signature line
note("""
TRIGGER POINT INJECTION TEMPLATE
Muscles:  [X] Trapezius (L)  [ ] Trapezius (R)  [X] Splenius capitis (L)  [ ] Rhomboids  [X] Levator scapulae (L)
Guidance: [ ] Ultrasound  [X] Landmark/palpation
Number of TPs: 3
Medication: [X] Lidocaine 1% 3 mL  [ ] Bupivacaine 0.25%  [ ] Triamcinolone 40 mg
Complications: [X] None
Follow-up: [X] 4 weeks  [ ] PRN
Provider signature: ______________
""", ["left trapezius","left splenius capitis","left levator scapulae"], 3, "lidocaine", "1% 3 mL", False, True, False, False)

# 201 - PM&R: "L/R" after the names for both sides, "L only", a total
note("""
PM&R Procedure Note
Indication: cervicogenic headache and myofascial neck pain, failed PT/HEP and meloxicam.
TPIs: upper trapezius L/R (2 each), levator scapulae L/R (1 each), suboccipitals L only (1).
Total TPs: 7. Medication: 0.5% lidocaine 7 cc.
Pt tolerated well. F/U 4 wks for reassessment.
E-signed by J. Park, DO on 04/14/2025 at 16:05
""", ["right trapezius","left trapezius","right levator scapulae","left levator scapulae","left suboccipitals"], 7, "lidocaine", "0.5% 7 cc", True, True, True, True)

# 202 - the muscles only in the exam; the procedure injects "each of the
# above trigger points"
note("""
Exam: Active trigger points with a local twitch response in the right upper trapezius, right levator scapulae and right rhomboid minor.
Procedure: After informed consent, each of the above trigger points was injected with 1% lidocaine, 3 mL total, using a 27-gauge needle.
Plan: heat, continue home stretching, follow up in 1 month.
""", ["right trapezius","right levator scapulae","right rhomboid minor"], None, "lidocaine", "1%, 3 mL", False, True, True, False)

# 203 - inpatient consult: counts as "two (2)", a rib landmark, a patch
# that is not injected, "we will follow", a cosignature with a date
note("""
Inpatient Pain Consult - Procedure
Bedside trigger point injections were performed to the left latissimus dorsi (two (2) trigger points) and left serratus anterior (one (1) trigger point) along the mid-axillary line at the level of the 6th rib.
Medication: ropivacaine 0.5%, 3 mL total.
Heparin held per protocol; hemostasis achieved.
Primary team to continue acetaminophen, heat packs and the lidocaine patch; we will follow.
Cosigned by: attending physician A. Weber, MD 11/03/2025 08:12
""", ["left latissimus dorsi","left serratus anterior"], 3, "ropivacaine", "0.5%, 3 mL", True, True, True, True)

# 204 - slashes between gluteal heads, "each side", a 1:1 mix, "US
# guidance not used"
note("""
Procedure: TPI bilateral glute med/min and R piriformis.
# of injections: 5 (glute med/min 1 each side, piriformis 1)
Med: 1% lido 5 mL + 0.5% bupi 5 mL (1:1)
US guidance not used.
PT 2x/wk continues. Recheck 3 wks.
""", ["right gluteus medius","left gluteus medius","right gluteus minimus","left gluteus minimus","right piriformis"], 5, "lidocaine + bupivacaine", "1% 5 mL + 0.5% 5 mL", False, True, True, True)

# 205 - an addendum: the plan offers TPIs, the addendum records them done
note("""
Office visit 02/10/2026. Neck pain, worse with computer work. Doing chin tucks and PT.
Exam: TrPs R upper trap, R levator.
Plan: TPIs offered; pt wishes to think about it.
ADDENDUM 02/10/2026 15:40: Patient agreed and TPIs were performed to the R upper trap (2) and R levator (1). Lidocaine 1% 3 mL. No complications. RTC 4 weeks.
Electronically signed by: F. Nunez, MD
""", ["right trapezius","right levator scapulae"], 3, "lidocaine", "1% 3 mL", True, True, True, True)


# Round 11 (206-225), labelled from SPEC section 12 before the reader saw
# them.
# 206 - Epic procedure template: indented fields, "Laterality: bilateral"
# on its own line above the muscles, a "Medications administered" block
# with the MAR's "lidocaine (PF) (XYLOCAINE) 10 mg/mL (1 %) injection 4 mL"
note("""
Trigger Point Injection
Date/Time: 3/4/2026 1:58 PM
Performed by: Ana Rivera, MD
Authorized by: Ana Rivera, MD

Consent:
    Consent obtained: written
    Consent given by: patient
    Risks discussed: bleeding, infection, pain, pneumothorax
Universal protocol:
    Patient identity confirmed: verbally with patient and arm band
    Time out: Immediately prior to procedure a "time out" was called to verify the correct patient, procedure, equipment, support staff and site/side marked as required.
Pre-procedure details:
    Indications: myofascial pain
    Prior treatment: physical therapy (12 visits), cyclobenzaprine
Procedure details:
    Location: neck and upper back
    Laterality: bilateral
    Muscles: upper trapezius; levator scapulae
    Number of trigger points injected: 4
    Needle gauge: 25 G
    Ultrasound guidance: no
Medications administered:
    lidocaine (PF) (XYLOCAINE) 10 mg/mL (1 %) injection 4 mL
Post-procedure details:
    Patient tolerance of procedure: tolerated well, no immediate complications
Follow-up: return in 4 weeks (around 4/1/2026)

Electronically signed by Ana Rivera, MD at 3/4/2026 2:15 PM
""", ["right trapezius","left trapezius","right levator scapulae","left levator scapulae"], 4, "lidocaine", "10 mg/mL 1 % 4 mL", True, True, True, False)

# 207 - athenahealth encounter: vitals with bars, "x3 months" in the HPI,
# ibuprofen 600 mg at home, the procedure note inside the A/P problem,
# a CPT descriptor line
note("""
Patient: JANE DOE  DOB: 05/14/1981  Encounter date: 04/07/2026
Provider: Priya Nair, MD  Primary Insurance: BCBS

HPI
The patient is a 44 year old female presenting for follow-up of left scapular pain x3 months. Completed 6 weeks of PT with partial relief. Uses ibuprofen 600 mg PRN.

ROS
Musculoskeletal: positive for back pain, muscle spasm. Neurological: negative for numbness, weakness.

Vitals
BP 122/78 | HR 68 | Temp 98.1 F | Ht 5' 6" | Wt 152 lb | BMI 24.5

Physical Exam
Musculoskeletal: taut bands with twitch response L rhomboid major, L infraspinatus, L levator scapulae.

Assessment / Plan
1. Myofascial pain - M79.18
   Procedure: Trigger point injection
   Procedure Note: Verbal consent. Skin prepped with alcohol. Injected L rhomboid major (2), L infraspinatus (2) and L levator scapulae (1) with 1% lidocaine, total 5 mL.
   Continue home exercise program. Follow up 4-6 weeks.

Procedure codes: 20553 INJ TRIGGER POINT(S) 3+ MUSCLES
Provider: Priya Nair, MD
Document electronically signed by Priya Nair, MD 04/07/2026 05:12 PM EDT
""", ["left rhomboid major","left infraspinatus","left levator scapulae"], 5, "lidocaine", "1%, 5 mL", True, True, True, True)

# 208 - eClinicalWorks progress note: doubled headings, a lidocaine patch
# in the current medications, the procedure's notes under "Procedures:",
# the drug in the "Therapeutic Injections" block with lot, expiry, NDC
note("""
Progress Notes
Patient: John Smith  DOB: 11/02/1968  Provider: Mark Ellis, DO  Date: 05/12/2026
Subjective:
Chief Complaint(s):
 - low back pain right side
HPI:
 Low back pain, right, 2 months, worse with sitting. Tried chiropractic adjustments x6 and naproxen.
Current Medication:
 Naproxen 500 MG Tablet 1 tablet with food Orally twice a day
 Lidocaine 4 % Patch 1 patch to skin Transdermal once a day
Objective:
Examination:
 Lumbar: TTP with palpable bands R QL, R gluteus medius, R piriformis. SLR negative.
Assessment:
Assessment:
 1. Myofascial pain - M79.18 (Primary)
Plan:
Treatment:
 1. Myofascial pain
   Notes: TPI discussed; pt agrees.
Procedures:
 Trigger Point Injection 3+ muscles 20553
 Notes: R QL x2, R glute med x2, R piriformis x1 injected after alcohol prep; 25 g 1.5 in needle. Tolerated well.
Immunizations / Therapeutic Injections:
 Lidocaine HCl 1% Solution, Dose 5 mL, Route: Intramuscular, Site: right lower back, Lot: 12AB34, Exp: 04/30/2027, NDC: 63323-0492-27, Given by: Mark Ellis, DO
Follow Up:
 4 Weeks
Electronically signed by Mark Ellis DO on 05/12/2026 at 04:31 PM EDT
Sign off status: Completed
""", ["right quadratus lumborum","right gluteus medius","right piriformis"], 5, "lidocaine", "1%, 5 mL", True, True, True, True)

# 209 - an addendum corrects a side: "documented in error", the left
# levator was injected, not the right
note("""
PROCEDURE NOTE: Trigger point injections
Indication: left-sided neck and shoulder myofascial pain; ongoing HEP and massage therapy.
Procedure: TPIs to L upper trapezius x2 and R levator scapulae x1 with 0.5% bupivacaine 3 mL. No complications.
Plan: RTC 6 weeks.
Signed: T. Okafor, MD 03/05/2026

ADDENDUM 03/06/2026 (correction): The right levator scapulae was documented in error. The injection was into the LEFT levator scapulae; all injections were on the left. Signed: T. Okafor, MD
""", ["left trapezius","left levator scapulae"], 3, "bupivacaine", "0.5% 3 mL", True, True, True, True)

# 210 - a late-entry addendum adds a muscle and a steroid mixed in
note("""
Procedure: trigger point injections, right hip girdle.
Muscles: R gluteus medius (2 TPs), R TFL (1 TP).
Medication: 1% lidocaine 3 mL.
Continues PT twice weekly. F/U 4 weeks.
Electronically signed by D. Haas, MD 06/02/2026 11:05

Late entry addendum 06/02/2026 16:20 by D. Haas, MD: also injected the R piriformis (1 TP) with the same solution, to which 40 mg triamcinolone had been added. Total trigger points 4.
""", ["right gluteus medius","right tensor fasciae latae","right piriformis"], 4, "lidocaine + triamcinolone", "1% 3 mL + 40 mg", True, True, True, True)

# 211 - negations: "No injection into the levator scapulae today",
# "Rhomboid major deferred", a rate and a total in brackets
note("""
TPI note
S: R neck/upper back pain, has been doing HEP and taking naproxen.
O: active TrPs bilateral upper trapezius, R levator scapulae, R rhomboid major.
Procedure: TPIs to bilateral upper trapezius, 1 point each, 1% lidocaine 1 mL per point (2 mL total).
No injection into the levator scapulae today because of a healing abrasion over the site.
Rhomboid major deferred; will reassess next visit.
Pt tolerated well, ice 15 min, RTC 3 wks.
""", ["right trapezius","left trapezius"], 2, "lidocaine", "1% 2 mL", False, True, True, True)

# 212 - muscles examined, active and latent trigger points, one injected
note("""
MYOFASCIAL EXAM
Muscles examined: R/L upper trapezius, R/L levator scapulae, R/L sternocleidomastoid, R/L scalenes, R/L suboccipitals.
Active trigger points: L upper trapezius, L SCM.
Latent trigger points: R upper trapezius.
PROCEDURE
Injected: L upper trapezius only (2 trigger points, mid-belly and near the superior angle of the scapula). The L SCM was not injected (patient preference).
Agent: ropivacaine 0.2%, 2 mL.
Pt doing PT 1x/wk; continue. F/U 1 month.
Signed: R. Alvarez, MD
""", ["left trapezius"], 2, "ropivacaine", "0.2%, 2 mL", True, True, True, True)

# 213 - letter back to a referring chiropractor: care had with him, an
# oral steroid dose pack in the history, "two trigger points in each",
# a PT referral, a letter's close with the name under it (a signature,
# as 133 and 142; labelled unsigned at first, as if it were 076's close
# with no name, and corrected after the first run)
note("""
Dear Dr. Kim,

Thank you for referring Mr. Delgado, whom you have been treating with chiropractic adjustments and soft tissue massage for left buttock pain since January. He has also tried a 6-day methylprednisolone dose pack by mouth without lasting benefit.

On examination today he had a taut band and referred pain from the left piriformis and the left gluteus medius. With his consent I injected both muscles today, two trigger points in each, using 0.25% bupivacaine, 4 mL in total.

I have asked him to continue his treatment with you and to return to see me in six weeks. I have also referred him to physical therapy for hip strengthening.

Sincerely,

Laura Chen, MD
Physical Medicine and Rehabilitation
""", ["left piriformis","left gluteus medius"], 4, "bupivacaine", "0.25%, 4 mL", True, True, True, True)

# 214 - Spanish and English mixed: "puntos", "lidocaína", "seguimiento",
# "Firmado electrónicamente por"
note("""
NOTA DE PROCEDIMIENTO - TPI
Paciente masc. 52 años con dolor cervical x 3 meses. Ha recibido terapia física (PT) 8 sesiones y toma naproxeno.
Exam: puntos gatillo activos en R upper trap y L upper trap, también R levator.
Procedimiento: TPI en R upper trap (2), L upper trap (2) y R levator (1), total 5 puntos.
Medicamento: lidocaína 1% 5 mL. Sin complicaciones.
Plan: seguimiento en 4 semanas, continuar PT y estiramientos en casa.
Firmado electrónicamente por: Dra. M. Gutiérrez
""", ["right trapezius","left trapezius","right levator scapulae"], 5, "lidocaine", "1% 5 mL", True, True, True, True)

# 215 - ballot boxes (checked and empty), triangle and square bullets,
# an em dash between the drug and its volume
note("""
TRIGGER POINT INJECTION \u2014 PROCEDURE CHECKLIST
Muscles (\u2612 = injected):
\u2612 Right upper trapezius \u00d72
\u2610 Left upper trapezius
\u2612 Right levator scapulae \u00d71
\u2610 Right rhomboid major
\u2612 Right infraspinatus \u00d72
Injectate \u25b8 Lidocaine 1 % \u2014 5 mL
Guidance \u25b8 \u2610 Ultrasound \u2612 Palpation
Complications \u25b8 none
Plan \u25b8 continue HEP \u25aa f/u 4 weeks
Signed \u25b8 A. Brooks, DO
""", ["right trapezius","right levator scapulae","right infraspinatus"], 5, "lidocaine", "1 % 5 mL", True, True, True, True)

# 216 - all-capital transcription with D:/T: times, job and document
# numbers, a CC line, a mixture with a steroid per mL
note("""
PATIENT NAME: XXXX           MR#: 000123456
DATE OF PROCEDURE: 04/21/2026
ATTENDING: S. BANERJEE, MD
PROCEDURE PERFORMED: TRIGGER POINT INJECTIONS.
INDICATIONS: THE PATIENT IS A 61-YEAR-OLD WOMAN WITH MID BACK PAIN WHO HAS FAILED 3 MONTHS OF PHYSICAL THERAPY AND TIZANIDINE.
DESCRIPTION OF PROCEDURE: AFTER INFORMED CONSENT WAS OBTAINED, THE PATIENT WAS PLACED PRONE. THE RIGHT AND LEFT RHOMBOID MAJOR AND THE RIGHT SERRATUS POSTERIOR SUPERIOR WERE PALPATED AND MARKED. USING A 25-GAUGE NEEDLE, A TOTAL OF 5 TRIGGER POINTS WERE INJECTED WITH A MIXTURE OF 4 ML OF 0.5% BUPIVACAINE AND 1 ML OF DEXAMETHASONE 10 MG/ML. THE PATIENT TOLERATED THE PROCEDURE WELL.
DISPOSITION: THE PATIENT WILL FOLLOW UP IN CLINIC IN 2 WEEKS.
D: 04/21/2026 10:15   T: 04/21/2026 14:40
JOB #: 558812
DOC #: 99120
CC: DR. R. PATEL
ELECTRONICALLY SIGNED BY S. BANERJEE, MD ON 04/23/2026
""", ["right rhomboid major","left rhomboid major","right serratus posterior superior"], 5, "bupivacaine + dexamethasone", "4 ML of 0.5% + 1 ML 10 MG/ML", True, True, True, False)

# 217 - numbers of vitals, labs (mg/dL, %), ROS "x2 weeks", home
# medications in mg before the procedure
note("""
Chief complaint: right low back pain x 3 weeks
Vitals: BP 142/88 | Pulse 84 | Temp 98.2 \u00b0F (36.8 \u00b0C) | Resp 16 | Ht 1.702 m (5' 7") | Wt 88.5 kg (195 lb) | SpO2 97% | BMI 30.55 kg/m\u00b2
Pain: 7/10 NRS
Labs (04/02): glucose 104 mg/dL, A1c 6.8%, INR 1.1, platelets 245 x10^3/uL
ROS: Constitutional: negative for fever, chills. MSK: positive for back pain, muscle spasm x2 weeks. Neuro: negative for numbness or weakness. All other systems reviewed and negative.
Current meds: metformin 500 mg BID, lisinopril 10 mg daily, cyclobenzaprine 5 mg qhs (helps some).
Exam: tender taut bands R QL and R gluteus medius with reproduction of pain.
Procedure: TPI to R QL and R gluteus medius, 2 points each, using 1% lidocaine 4 mL total.
Post-procedure pain 2/10. F/u 2 weeks.
""", ["right quadratus lumborum","right gluteus medius"], 4, "lidocaine", "1% 4 mL", False, True, True, True)

# 218 - Botox chemodenervation (PREEMPT, 31 sites) and a TPI in one note:
# the TPI's muscles and count; both substances injected are named (as 082)
note("""
HEADACHE CLINIC PROCEDURE NOTE
Procedure 1: Chemodenervation (64615) - onabotulinumtoxinA (Botox) 155 units per PREEMPT protocol, 31 sites: frontalis, corrugator, procerus, bilateral temporalis, bilateral occipitalis, bilateral cervical paraspinals, bilateral trapezius.
Procedure 2: Trigger point injections (20552) - R upper trapezius x1 and R levator scapulae x1 with 0.5% bupivacaine 2 mL, for a persistent taut band not covered by the PREEMPT sites.
Tolerated both well. Continue topiramate and PT for posture. Return in 12 weeks for repeat Botox.
Electronically signed by L. Moreau, MD
""", ["right trapezius","right levator scapulae"], 2, "botulinum toxin + bupivacaine", "155 units + 0.5% 2 mL", True, True, True, True)

# 219 - a PDF digital signature block ("Digitally signed by", Reason,
# Date with a time zone offset)
note("""
Procedure: Trigger point injection, right gluteal region
Muscles: right gluteus maximus (upper outer quadrant) and right gluteus minimus.
Trigger points: 3
Drug: Naropin 0.2% 6 mL
Post-procedure: ambulating without difficulty; return in 1 month.
Patient continues a walking program and home stretches.

Digitally signed by Karen Olsen, DO
Reason: I am the author of this document
Date: 2026.04.02 09:14:33 -05'00'
""", ["right gluteus maximus","right gluteus minimus"], 3, "ropivacaine", "0.2% 6 mL", True, True, True, True)

# 220 - ultrasound named only in the title; a consent form signed by the
# patient is no signature of the note
note("""
ULTRASOUND-GUIDED TRIGGER POINT INJECTION
Consent form signed by the patient and witnessed; time-out completed.
Using a high-frequency linear transducer in an in-plane approach, the needle tip was visualized in real time within the left rhomboid major at 2 sites medial to the vertebral border of the scapula, superficial to the rib, and within the left lower trapezius at 1 site.
Injectate: 3 mL of 1% lidocaine (1 mL per site).
Representative images saved to PACS (76942).
No pneumothorax symptoms post procedure. Pt to continue PT; follow up in 3 weeks.
""", ["left rhomboid major","left trapezius"], 3, "lidocaine", "3 mL of 1%", False, True, True, True, "ultrasound")

# 221 - no care yet: a PT referral, home exercises and naproxen started
# today ("x 10 days" is no count)
note("""
Clinic note
New patient with 2 weeks of acute right upper back pain after moving furniture. No treatment so far.
Exam: TrP R rhomboid minor and R middle trapezius with local twitch.
Procedure today: TPI R rhomboid minor x1 and R middle trapezius x1, 0.5% bupivacaine, 2 mL total.
Plan: referral to physical therapy placed; start home exercises as instructed; start naproxen 500 mg BID x 10 days. RTC 3 weeks.
Signed: V. Grant, PA-C
""", ["right rhomboid minor","right trapezius"], 2, "bupivacaine", "0.5%, 2 mL", True, True, False, True)

# 222 - a table with an "Injected" column of Y and N
note("""
TRIGGER POINT EXAM AND INJECTION
Muscle              Side   TrP   Injected
Upper trapezius     R      +     Y
Upper trapezius     L      +     Y
Levator scapulae    R      +     N
Infraspinatus       R      -     N
Rhomboid minor      L      +     Y
Points injected: 3 (one per muscle marked Y)
Solution: lidocaine 1% 3 mL
Levator not injected: patient asked to stop.
Hx: 10 weeks of PT; uses heat.
Plan: RTC 1 month.
Signed: M. Ibe, MD
""", ["right trapezius","left trapezius","left rhomboid minor"], 3, "lidocaine", "1% 3 mL", True, True, True, True)

# 223 - Cerner PowerNote header: "Sign Information:", "Result Status:
# Auth (Verified)"; "Anatomic location: lumbar, bilateral" sides the
# muscles of the next line
note("""
Document Type: Procedure Note
Service Date/Time: 3/18/2026 10:02 CDT
Result Status: Auth (Verified)
Document Subject: TPI lumbar
Sign Information: Kowalski, Adam MD (3/18/2026 10:41 CDT)

Procedure: Injection, trigger point(s), 3 or more muscles
Anatomic location: lumbar, bilateral
Muscles: quadratus lumborum, lumbar paraspinals at L3-L5
Number of sites: 6
Medication: bupivacaine 0.25% 6 mL, triamcinolone 20 mg
Estimated blood loss: none
Complications: none
Prior therapy: 12 weeks PT, NSAIDs, TENS
Disposition: discharged home; follow-up in pain clinic in 4 weeks
""", ["right quadratus lumborum","left quadratus lumborum","right lumbar paraspinals","left lumbar paraspinals"], 6, "bupivacaine + triamcinolone", "0.25% 6 mL + 20 mg", True, True, True, True)

# 224 - trigger points identified (5) and injected (3): the injected
# count is the total
note("""
Procedure note
Trigger points identified on exam: 5 (R SCM 2, R scalenes 1, R upper trapezius 2).
Trigger points injected: 3 - R upper trapezius x2 and R SCM x1. Scalene TrP not injected given proximity to the brachial plexus.
Injectate: 1% lidocaine 3 cc.
Continue McKenzie exercises and massage. F/U 4 wks.
e-Signed: H. Tanaka, MD 05/05/2026
""", ["right trapezius","right sternocleidomastoid"], 3, "lidocaine", "1% 3 cc", True, True, True, True)

# 225 - dextrose prolotherapy to ligaments and TPIs in one visit: both
# substances injected are named (as 082), the TPI's muscles
note("""
REGENERATIVE / INJECTION CLINIC
Procedure 1: Dextrose prolotherapy, 12.5% dextrose 10 mL, to the right iliolumbar and posterior sacroiliac ligaments.
Procedure 2: Trigger point injections - right gluteus medius x2, right piriformis x1, 1% lidocaine 3 mL.
Patient has done 6 months of PT and chiropractic care.
Next prolotherapy session in 4 weeks.
Electronically signed: B. Osei, MD
""", ["right gluteus medius","right piriformis"], 3, "dextrose + lidocaine", "12.5% 10 mL + 1% 3 mL", True, True, True, True)

# Round 12 (226-235): lists of muscles written as the muscle-entry parser
# reads them -- a name that labels its list item with its sides after a
# colon, words sharing a head with a serial comma, region adjectives of a
# list before a group, sides with counts in brackets, bullets and no-break
# spaces between names.  Labelled from SPEC sections 4 and 12 before the
# reader was run.

# 226 - an EHR list: "Name: R (n TP), L (n TP)"
note("""
TRIGGER POINT INJECTION PROCEDURE NOTE
Indication: cervical myofascial pain; failed physical therapy and cyclobenzaprine.
Muscles injected:
- Trapezius: R (2 TP), L (1 TP)
- Levator scapulae: R (1 TP)
Total trigger points: 4
Medication: 1% lidocaine 4 mL, 25-gauge needle.
Tolerated well. Follow up in 4 weeks.
Electronically signed by R. Nguyen, MD
""", ["right trapezius","left trapezius","right levator scapulae"], 4, "lidocaine", "1% 4 mL", True, True, True, True)

# 227 - dictation: words sharing a head, serial comma, the side after
note("""
After informed consent was obtained and the skin prepped with alcohol, TPI to the gluteus maximus, medius, and minimus, left, 1 trigger point each, using 0.25% bupivacaine 3 mL total. No complications. She will continue her home exercise program and return in 6 weeks.
""", ["left gluteus maximus","left gluteus medius","left gluteus minimus"], 3, "bupivacaine", "0.25% 3 mL", False, True, True, True)

# 228 - ultrasound-guided scalenes, "on the right" after the list
note("""
Prior treatment: PT for 3 months, NSAIDs.
Procedure: Under ultrasound guidance, trigger points were injected in the scalenus anterior, medius and posterior on the right, one injection each, with 1% lidocaine 1.5 mL total.
Follow-up 2 weeks.
Attestation: I personally performed the procedure. J. Kim, MD
""", ["right scalenus anterior","right scalenus medius","right scalenus posterior"], 3, "lidocaine", "1% 1.5 mL", True, True, True, True, "ultrasound")

# 229 - part words after a comma are no muscles; the SCM's heads are one
note("""
PROCEDURE: Trigger point injections
Sites: bilateral levator scapulae, superior angle; right SCM, sternal and clavicular heads.
Trigger points: 5
Injectate: 0.5% bupivacaine 5 mL
Pt tolerated well, no complications. RTC 1 month.
Signed: T. Okafor, DO
""", ["right levator scapulae","left levator scapulae","right sternocleidomastoid"], 5, "bupivacaine", "0.5% 5 mL", True, True, False, True)

# 230 - "right greater than left" is no new muscle
note("""
Assessment: myofascial pain of the bilateral trapezius, right greater than left. Failed massage and heat.
Procedure: trigger point injections to the bilateral trapezius, right greater than left. TPI x4. Lidocaine 1% 4 mL.
Follow up in 3 weeks.
""", ["right trapezius","left trapezius"], 4, "lidocaine", "1% 4 mL", False, True, True, False)

# 231 - region adjectives of a list before a group: three groups
note("""
Procedure note (dictated): Trigger point injections were performed today in the cervical, thoracic, and lumbar paraspinals on the left, two trigger points in each, with 1% lidocaine 6 mL. Fluoroscopy was not used. The patient has been doing physical therapy. Plan: recheck in 4 weeks.
Electronically signed by P. Alvarez, MD
""", ["left cervical paraspinals","left thoracic paraspinals","left lumbar paraspinals"], 6, "lidocaine", "1% 6 mL", True, True, True, True)

# 232 - a compact lower-leg note: words sharing a head after "and"
note("""
TPI - lower leg
Muscles: L tibialis anterior and posterior x1 each
Needle: 25G 1.5"
Meds: lidocaine 1% 2cc
Pt has done PT and orthotics.
F/U 4 wks
Signed: K. Brandt, PA-C
""", ["left tibialis anterior","left tibialis posterior"], 2, "lidocaine", "1% 2cc", True, True, True, True)

# 233 - sides with counts in brackets; a slash list of abbreviations
note("""
Procedure: TPIs
trapezius (R x2, L x1)
L QL/glute med/piriformis x1 each
Drug: 1% lidocaine 6 mL
Continue HEP. RTC 6 wks.
""", ["right trapezius","left trapezius","left quadratus lumborum","left gluteus medius","left piriformis"], 6, "lidocaine", "1% 6 mL", False, True, True, True)

# 234 - bullets between the names; a side after its name
note("""
PROCEDURE NOTE
Trigger point injections
Muscles: splenius capitis on the left \u2022 sternocleidomastoid (SCM) on the left \u2022 upper trapezius bilaterally
Trigger points injected: 4
Injectate: Marcaine 0.25% 4 mL
Has tried NSAIDs and PT.
Follow up 1 month.
Electronically signed by D. Whitfield, MD
""", ["left splenius capitis","left sternocleidomastoid","right trapezius","left trapezius"], 4, "bupivacaine", "0.25% 4 mL", True, True, True, False)

# 235 - part words of a group; a no-break space before a count
note("""
Date: 04/02/2026
Procedure: trigger point injections x4: right anterior and middle scalenes (1 each), right trapezius\u00a0(x2).
Medication: lidocaine 1% 4 mL and triamcinolone 10 mg.
Previously tried PT and muscle relaxants.
Return in 6 weeks.
Signed: L. Moreau, MD
""", ["right scalenus anterior","right scalenus medius","right trapezius"], 4, "lidocaine + triamcinolone", "1% 4 mL + 10 mg", True, True, True, True)



# Round 13 (236-255): styles met in public sample notes -- a transcription
# report with headed sections, an EHR export with an orders list of codes,
# a headache clinic's nerve blocks beside TPIs, ultrasound in sports
# medicine, a chiropractic clinic's shared note, a pipe table with a
# deferred row, planned against performed, misspellings, the abdominal
# wall, the pelvic floor, spinal levels, numbered injection blocks, scoped
# negations, VMO, brands, the orofacial clinic, an addendum that corrects
# the count, a checkbox form with a side row and a blank filled in, a 1:1
# mixture, an IM shot beside a TPI.  Labelled from SPEC sections 4 and 12
# before the reader was run.

# 236 - a transcription report: headed sections, D:/T: lines (no signature)
note("""
DATE OF PROCEDURE: 03/18/2026

REFERRING PHYSICIAN: Samuel Ortega, MD

PREOPERATIVE DIAGNOSES:
1. Chronic low back pain.
2. Lumbar spondylosis.
3. Myofascial pain, left lower back and buttock.

POSTOPERATIVE DIAGNOSES: Same.

PROCEDURE PERFORMED: Trigger point injections, left gluteus medius and left quadratus lumborum.

ANESTHESIA: Local.

INDICATIONS FOR PROCEDURE: The patient is a (XX)-year-old female with chronic low back pain. She had a left sacroiliac joint injection in January with partial relief. She has completed 8 weeks of physical therapy and takes naproxen.

DESCRIPTION OF PROCEDURE: The patient was placed in the prone position. Three trigger points were identified and marked, two in the left gluteus medius along the iliac crest and one in the left quadratus lumborum. The skin was prepped with Betadine. Using a 25-gauge 1.5-inch needle, after negative aspiration, a total of 6 mL of 0.25% Marcaine with 40 mg of Kenalog was injected, divided among the three points. The patient tolerated the procedure well.

COMPLICATIONS: None.

ESTIMATED BLOOD LOSS: Minimal.

DISPOSITION: The patient was discharged home in stable condition. She will follow up in the clinic in 4 weeks.

D: 03/18/2026  T: 03/19/2026
JD/xx
""", ["left gluteus medius","left quadratus lumborum"], 3, "bupivacaine + triamcinolone", "6 mL of 0.25% + 40 mg", False, True, True, True)

# 237 - an EHR export: the orders list names codes and a drug's billing
# unit ("per 10 mg" is a rate, no dose)
note("""
Patient: DOE, JANE   DOB: 01/01/1970   DOS: 02/24/2026
Provider: Priya Raman, MD
Reason for Appointment
1. TPI f/u neck/shoulder pain
History of Present Illness
 Here for repeat TPIs. Last TPIs 12/2025 gave ~8 wks relief. Continues HEP, takes ibuprofen prn.
Procedures
 Trigger point injection:
   Consent signed. Sites cleaned with alcohol.
   Muscles: R trapezius (2), L trapezius (2), R rhomboid (1)
   Medication: Lidocaine 1% 5 mL, 27g needle
   Pt tolerated well, no complications.
Assessment
1. Myofascial pain - M79.18
Plan
Orders
 Lidocaine HCl injection, per 10 mg (J2001) - M79.18
 Trigger point(s), 3 or more muscles (20553) - M79.18
Follow Up
 8 Weeks
Electronically Signed by: Priya Raman, MD on 02/24/2026 at 04:12 PM
""", ["right trapezius","left trapezius","right rhomboids"], 5, "lidocaine", "1% 5 mL", True, True, True, True)

# 238 - headache clinic: nerve blocks and TPIs, a group with its side
# after it, a steroid in the block syringes, a toxin named in the plan
note("""
HEADACHE MEDICINE - PROCEDURE
Dx: chronic migraine (G43.709), occipital neuralgia (M54.81), cervical myofascial pain.
Current tx: nortriptyline 25 mg qhs; PT for posture (completed 6 visits).
Procedures today:
 (1) Bilateral GON blocks and right LON block
 (2) TPIs: suboccipitals bilat, right temporalis
Injectate: 0.5% bupivacaine, 6 mL total (1 mL per site); dexamethasone 4 mg added to the GON syringes.
Pt tolerated well. HA 6/10 -> 2/10 at 10 min.
Plan: headache diary; return 8 wks; consider onabotulinumtoxinA if no durable benefit.
Signed: R. Castellanos, MD
""", ["right suboccipitals","left suboccipitals","right temporalis"], None, "bupivacaine + dexamethasone", "0.5%, 6 mL + 4 mg", True, True, True, False)

# 239 - sports medicine: ultrasound-guided, a muscle's head, no steroid
note("""
SPORTS MEDICINE CLINIC
Procedure: Ultrasound-guided trigger point injection, R calf
Indication: recurrent R calf myofascial pain in a marathon runner; has done 6 wks of PT, eccentric loading, foam rolling, and massage.
Technique: Linear 12-3 MHz transducer. Taut bands with hypoechoic foci identified in the medial head of the R gastrocnemius (x2) and the R soleus (x1). In-plane approach, 25g 1.5" needle, local twitch response obtained at each site.
Injectate: 3 mL of 1% lidocaine total (1 mL per site). No corticosteroid.
Images saved to PACS. 76942 billed.
Post: ambulated without difficulty. Relative rest 48h, then resume running program.
Attending: K. Abara, MD, CAQSM - electronically signed
""", ["right gastrocnemius","right soleus"], 3, "lidocaine", "3 mL of 1%", True, True, True, True, "ultrasound")

# 240 - a chiropractic clinic's daily note; the MD's TPI inside it, one
# muscle found but not injected
note("""
INTEGRATED SPINE & CHIROPRACTIC - DAILY NOTE 03/02/2026
S: Pt reports LBP 6/10, L>R, after lifting. Adjustments 2x/wk x 4 wks with partial relief.
O: Hypertonicity and TrPs Lt QL, Lt glute med, Lt piriformis. SLR neg.
Chiropractic: CMT 3-4 regions (98941) performed by D. Hale, DC. Moist heat 10 min.
TPI (performed by M. Ibe, MD): Lt QL x2, Lt glute med x1. No injection into the piriformis today d/t sciatic-type sx.
Drug: Lidocaine 1% 3cc.
A: lumbar myofascial pain M79.18; segmental dysfunction lumbar.
P: cont care 2x/wk; re-eval 2 wks.
Signed: M. Ibe, MD / D. Hale, DC
""", ["left quadratus lumborum","left gluteus medius"], 3, "lidocaine", "1% 3cc", True, True, True, True)

# 241 - a pipe table with a side column (B/L) and a deferred row
note("""
TPI PROCEDURE NOTE

| Muscle | Side | TPs | Volume |
|---|---|---|---|
| Upper trapezius | B/L | 2 each | 2 mL each side |
| Levator scapulae | R | 1 | 1 mL |
| Rhomboid minor | L | - (deferred, pt request) | - |

Total TPs: 5. Solution: 0.5% ropivacaine (Naropin), 5 mL total.
Prior care: 10 PT visits, cyclobenzaprine, massage.
Return 4-6 weeks PRN.
Signed electronically: H. Lindqvist, DO
""", ["right trapezius","left trapezius","right levator scapulae"], 5, "ropivacaine", "0.5%, 5 mL", True, True, True, True)

# 242 - planned against performed: a vasovagal reaction stops the procedure
note("""
Procedure note - TPI
Planned: bilateral upper trapezius and bilateral levator scapulae (4 muscles, 20553).
Performed: R upper trapezius and R levator scapulae only. After the second injection pt became diaphoretic and lightheaded (vasovagal); procedure stopped. Left side not injected.
Sites injected: 2. Lidocaine 1%, 2 mL used.
Pt recovered fully after 15 min supine, vitals stable, discharged with driver.
Will complete left side at next visit if tolerated. Has been doing HEP and PT.
Electronically signed by V. Sato, NP
""", ["right trapezius","right levator scapulae"], 2, "lidocaine", "1%, 2 mL", True, True, True, False)

# 243 - misspellings everywhere, the drug's too
note("""
Proceedure: TPI's
Musles injected: R trapezious x2, R levator scapula x1, R infraspinatous x1, R rhomboyds x1
Medicaton: lidocain 1% 5ml
Pt tol well. No complicatons.
Cont PT/HEP. F/u 1 mo.
""", ["right trapezius","right levator scapulae","right infraspinatus","right rhomboids"], 5, "lidocaine", "1% 5ml", False, True, True, True)

# 244 - the abdominal wall under ultrasound; a topical patch is no injectate
note("""
Pain Management Follow-up
Chronic RLQ abdominal wall pain; Carnett sign positive. CT abd/pelvis negative. Failed NSAIDs, lidocaine patches and a physical therapy core program.
Procedure: ultrasound-guided trigger point injection, right rectus abdominis, lateral border at the level of the umbilicus (2 sites), and right external oblique (1 site).
Medication: 0.25% bupivacaine 6 mL with triamcinolone 20 mg.
The patient tolerated the procedure without complication.
Plan: pain diary; consider ACNES neurectomy referral if relief is temporary. Follow up in 3 weeks.
E-signed: B. Nwosu, MD
""", ["right rectus abdominis","right external oblique"], 3, "bupivacaine + triamcinolone", "0.25% 6 mL + 20 mg", True, True, True, True, "ultrasound")

# 245 - the pelvic floor, transvaginal, a rate after the dose
note("""
PELVIC PAIN CLINIC - Procedure
Indication: high-tone pelvic floor dysfunction with myofascial trigger points; 12 sessions of pelvic floor PT with partial improvement; diazepam suppositories discontinued.
Procedure: transvaginal trigger point injections using an Iowa trumpet and 20-gauge spinal needle.
Sites: L obturator internus x2; L iliococcygeus x1; R iliococcygeus x1.
Injectate: 10 mL of 0.25% bupivacaine mixed with 40 mg triamcinolone, 2.5 mL per site.
EBL: none. Tolerated well.
Resume pelvic floor PT next week; RTC 6 weeks.
Electronically signed: A. Greer, MD (Urogynecology)
""", ["left obturator internus","left iliococcygeus","right iliococcygeus"], 4, "bupivacaine + triamcinolone", "10 mL of 0.25% + 40 mg", True, True, True, True)

# 246 - B/L groups at spinal levels; "# TPs"; fluoroscopy not used
note("""
TPI - lumbar
Dx: lumbar myofascial pain syndrome (M79.18), LBP (M54.50).
Conservative care: PT x 8 wks, meloxicam, heat. Still 7/10.
Procedure: B/L lumbar paraspinals at L3-L5 and B/L QL injected after negative aspiration.
# TPs: 8 (2 per muscle per side)
Meds: 0.5% lidocaine 8 mL + Kenalog 20 mg
No fluoro used.
Pt to ice prn, RTC 4 wks for reassessment.
Signed: J. Petrakis, DO
""", ["right lumbar paraspinals","left lumbar paraspinals","right quadratus lumborum","left quadratus lumborum"], 8, "lidocaine + triamcinolone", "0.5% 8 mL + 20 mg", True, True, True, True)

# 247 - numbered injection blocks with tab fields, CRLF; a numbered list
# states no count
note("""
Procedure: Trigger point injection
Injection #1
\tSite:\tTrapezius
\tLaterality:\tRight
Injection #2
\tSite:\tTeres major
\tLaterality:\tLeft
Injection #3
\tSite:\tInfraspinatus
\tLaterality:\tLeft
Medication:\tlidocaine 1%, 3 mL total
Complications:\tnone
Follow-up:\tPRN
Prior treatments:\tmassage, home stretching
Electronically signed by Gwen Ito, MD on 3/11/2026 10:04 AM
""", ["right trapezius","left teres major","left infraspinatus"], None, "lidocaine", "1%, 3 mL", True, True, True, False, crlf=True)

# 248 - last visit's muscles, a scoped "no injection into", a declined one,
# a dash signoff
note("""
Neck/upper back f/u. Pt reports 50% relief x 5 wks from last TPIs (bilat traps, bilat rhomboids).
Exam today: taut bands bilat upper traps; rhomboids nontender.
Procedure: TPI R upper trap x2 and L upper trap x2. No injection into the rhomboids today - no active trigger points found. Pt declined injection of the L levator scapulae.
1% lidocaine 4 mL total, 25g needle.
Cont PT + HEP, RTC 6-8 wks
-- Dr. A. Mensah
""", ["right trapezius","left trapezius"], 4, "lidocaine", "1% 4 mL", True, True, True, True)

# 249 - sports medicine shorthand: VMO, "5cc 1% lido", no steroid
note("""
Sports Med f/u - R anterior knee pain (PFPS) with quad TrPs.
PT x 6 wks (quad/hip strengthening), knee sleeve, NSAIDs prn.
TPI today: R VMO x2, R vastus lateralis x2, R rectus femoris x1 (proximal third).
Inj: 5cc 1% lido, no steroid.
Plan: continue PT, taper NSAIDs, recheck 4 wk.
""", ["right vastus medialis","right vastus lateralis","right rectus femoris"], 5, "lidocaine", "5cc 1%", False, True, True, True)

# 250 - physiatry: a CPT code in the title, a part word, a brand steroid
note("""
PM&R Clinic
Procedure: Trigger point injections (CPT 20553)
Muscles: R infraspinatus, R teres major, R posterior deltoid, 1 TP each
Solution: Depo-Medrol 40 mg + 1% lidocaine 3 cc
Guidance: none, palpation
Tolerated well. Post-injection stretching reviewed; continue HEP.
Follow-up in 1 month or sooner prn.
Electronically signed: L. Haddad, MD, PM&R
""", ["right infraspinatus","right teres major","right deltoid"], 3, "methylprednisolone + lidocaine", "40 mg + 1% 3 cc", True, True, True, True)

# 251 - orofacial pain clinic: plural masseters B/L, a dental anesthetic
note("""
OROFACIAL PAIN CLINIC
CC: bilateral jaw pain, clenching; occlusal splint nightly x 6 mo, jaw exercises, heat.
Exam: TrPs in the masseter (deep and superficial) bilaterally and the left anterior temporalis, reproducing preauricular pain.
Procedure: TPIs to the masseters B/L (2 sites each) and L temporalis (1 site) with 3% mepivacaine (Carbocaine) 1.8 mL total, 27g needle.
Post-op: soft diet 24h, continue splint. Recall 4 weeks.
Signed, Dr. E. Varga, DDS, MS
""", ["right masseter","left masseter","left temporalis"], 5, "mepivacaine", "3% 1.8 mL", True, True, True, True)

# 252 - an addendum corrects the stated count
note("""
Procedure: Trigger point injections, L lower back
Has done PT x 6 weeks.
Muscles: L erector spinae, L QL. Trigger points: 4.
Medication: bupivacaine 0.25% 4 mL.
Plan: RTC 1 month.
Electronically signed by N. Oyelaran, MD 03/09/2026 09:15

Addendum 03/09/2026 16:20: Trigger point count corrected to 3 (two in the erector spinae, one in the QL). No other changes. - N. Oyelaran, MD
""", ["left erector spinae","left quadratus lumborum"], 3, "bupivacaine", "0.25% 4 mL", True, True, True, True)

# 253 - a checkbox form: a side row for the ticked muscles, the volume in
# a filled blank
note("""
TRIGGER POINT INJECTION FORM
Side: [X] Right  [ ] Left  [ ] Bilateral
Muscles:
[X] Trapezius   [X] Levator scapulae   [ ] Rhomboids
[ ] Supraspinatus   [X] Infraspinatus   [ ] Other: ______
# of trigger points: 4
Medication: [X] Lidocaine 1% ___4___ mL   [ ] Bupivacaine 0.25% ____ mL   [ ] Kenalog ____ mg
Ultrasound: [ ] Yes [X] No
Prior tx: [X] PT  [X] NSAIDs  [ ] Chiro  [ ] Massage
Follow-up: [X] 4 weeks  [ ] 6 weeks  [ ] PRN
Provider signature: ______ D. Obi, PA-C
""", ["right trapezius","right levator scapulae","right infraspinatus"], 4, "lidocaine", "1% 4 mL", True, True, True, False)

# 254 - a 1:1 mixture of two anesthetics; ultrasound for one muscle.  The
# dose was first labelled "1% + 0.25%"; the rate is the dose when no amount
# is stated (round 3), so it is "0.5 cc/TP of 1% + 0.25%"
note("""
Pain clinic note 02/27/2026
Subjective: R-sided neck pain with cervicogenic HA, R>L. Ongoing chiro and massage q2wk.
Objective: TTP w/ LTR R SCM (sternal div.), R splenius capitis, R scalenes.
Procedure: TPI x4 - R SCM x1, R splenius cap x2, R ant scalene x1. Inj 0.5 cc/TP of a 1:1 mix of 1% lido and 0.25% bupi. Scalene done under US to avoid the brachial plexus; others by palpation.
Tolerated well.
Plan: RTC 1 mo; if <50% relief consider C2-3 MBB.
Electronically signed by S. Delacroix, MD
""", ["right sternocleidomastoid","right splenius capitis","right scalenus anterior"], 4, "lidocaine + bupivacaine", "0.5 cc/TP of 1% + 0.25%", True, True, True, True, "ultrasound")

# 255 - an ED note: an IM shot in the deltoid is no trigger point injection
# (its drug was injected all the same)
note("""
ED PROCEDURE NOTE
Procedure: trigger point injection
Indication: acute-on-chronic L upper back spasm; muscle relaxants at home (methocarbamol) without relief.
Location: L rhomboid major, at the medial border of the scapula (T4-T5 level) - 2 sites; L middle trapezius - 1 site.
Injectate: 3 mL of 1% lidocaine (no epinephrine). Also given ketorolac (Toradol) 30 mg IM in the R deltoid for pain.
Pt reports pain 8/10 -> 3/10 after 15 min.
Disposition: discharged; PCP follow-up in 1 week; return precautions given.
Dictated by J. Amari, PA-C; cosigned by T. Wen, MD
""", ["left rhomboid major","left trapezius"], 3, "lidocaine + ketorolac", "3 mL of 1% + 30 mg", True, True, True, True)


# Round 14 (256-275): styles met in public material the corpus did not
# yet resemble -- a dictation template hard-wrapped mid-phrase (pain
# practice dictation templates with {{field}} slots, janak-collab/hosting
# dictation_sample_procedures.sql), voice dictation with no punctuation
# and numbers in words, Spanish notes from Latin America and Spain
# ("piramidal", "ecoguiada", "Fdo."), a drawn table of check boxes, an
# orthopaedic knee injection with charge lines in J-code units, a
# cervical dystonia toxin table (units and sites per muscle, lot number),
# an Indian OPD note ("Inj. Lignocaine", "B/L", "Adv:", "Sd/-"), a
# journal case presentation, a residency procedure-note template
# (operator, supervisor, time-out, EBL, specimens, "Anesthesia: none"), a
# saline dilution, a pregnant patient with the steroid withheld, nerve
# blocks counted beside trigger points, a medication administration log
# with NDC, lot and wasted volume, a series log of earlier sessions, a
# fluoroscopic SI joint injection beside TPIs by palpation, an ambient AI
# scribe's Markdown, a faxed note broken across pages, a trochanteric
# bursa injection beside TPIs, a PT dry needling table.  Texts written
# anew in those styles (sources: medicaltranscriptionsamplereports.com,
# theprocedureguide.com, fpnotebook.com, the AAPC and CMS LCD A57701
# documentation lists, case reports of TPIs).  Labelled from SPEC
# sections 4 and 12 before the reader was run.

# 256 - a dictation template hard-wrapped at 72 columns: a muscle's name
# and a dose broken across lines; "1 mL ... into each of 4" is a rate
# and the only amount, so it is the dose
note("""
PROCEDURE: Trigger Point Injections

PATIENT: Doe, John
DOB: 01/01/1965
MRN: 000000
DATE OF PROCEDURE: 04/02/2026

INDICATION: Myofascial pain of the right neck and shoulder girdle,
persistent despite 6 weeks of physical therapy and cyclobenzaprine.

PROCEDURE: After informed consent was obtained, the patient was seated
with the arms resting on a pillow. Trigger points were identified by
palpation in the right upper trapezius, the right levator
scapulae and the right rhomboid minor, and marked. The skin was prepped
with alcohol. Using a 27-gauge needle, after negative aspiration, 1 mL
of 1% lidocaine was injected into each of 4 trigger points, 2 in the
trapezius and 1 in each of the others.

The patient tolerated the procedure well without complications.

ADDITIONAL NOTES: Stretching handout given; follow up in 4 weeks.
""", ["right trapezius","right levator scapulae","right rhomboid minor"], 4, "lidocaine", "1 mL of 1%", False, True, True, True)

# 257 - voice dictation with no punctuation, counts and volume in words
note("""
this is a 47 year old female who returns for trigger point injections she has done physical therapy and massage without lasting relief on exam there are taut bands with a twitch response in the left upper trapezius left levator scapulae and left infraspinatus after verbal consent the skin was cleaned with alcohol and trigger point injections were performed into the left upper trapezius times two the left levator scapulae times two and the left infraspinatus times one for a total of five trigger points using five cc of 0.5 percent bupivacaine she tolerated it well with no complications she will follow up in one month
""", ["left trapezius","left levator scapulae","left infraspinatus"], 5, "bupivacaine", "five cc of 0.5 percent", False, True, True, True)

# 258 - Spanish (Latin America): muscle names and sides in Spanish
note("""
CLÍNICA DEL DOLOR - NOTA DE PROCEDIMIENTO
Fecha: 14/03/2026
Paciente: femenina de 44 años
Diagnóstico: síndrome de dolor miofascial cervicodorsal (M79.1)
Antecedentes: dolor cervical de 4 meses de evolución; fisioterapia (10 sesiones) y AINEs sin mejoría.
Exploración: puntos gatillo activos con banda tensa y respuesta de espasmo local.
Procedimiento: infiltración de puntos gatillo.
Músculos infiltrados: trapecio superior derecho (2 puntos), elevador de la escápula derecho (1 punto) y romboides menor derecho (1 punto).
Medicamento: lidocaína al 1%, 4 ml en total, aguja 27G. Aspiración negativa.
Complicaciones: ninguna.
Plan: calor local, estiramientos; control en 4 semanas.
Firma: Dr. J. Ramírez Ortega
""", ["right trapezius","right levator scapulae","right rhomboid minor"], 4, "lidocaine", "1%, 4 ml", True, True, True, True)

# 259 - a drawn table with Right/Left check boxes and a count column;
# the drug ticked among unticked ones, its volume on a line of its own
note("""
TRIGGER POINT INJECTION - PROCEDURE RECORD
Pre-procedure pain (0-10): 7     Post-procedure pain: 2

+----------------------+-------+-------+----------+
| Muscle               | Right | Left  | # points |
+----------------------+-------+-------+----------+
| Trapezius (upper)    |  [x]  |  [x]  |    4     |
| Levator scapulae     |  [ ]  |  [x]  |    1     |
| Rhomboid major       |  [ ]  |  [ ]  |          |
| Infraspinatus        |  [x]  |  [ ]  |    2     |
+----------------------+-------+-------+----------+
Total trigger points: 7
Medication: [x] Lidocaine 1%  [ ] Bupivacaine 0.25%  [ ] Triamcinolone 40 mg/mL
Volume: 7 mL
Guidance: [x] Palpation  [ ] Ultrasound
Complications: [x] None
Conservative tx tried: [x] PT  [x] NSAIDs  [ ] Chiropractic
Follow-up: 6 weeks
Provider signature: ______ T. Nakamura, MD (electronically signed 04/03/2026)
""", ["right trapezius","left trapezius","left levator scapulae","right infraspinatus"], 7, "lidocaine", "1% 7 mL", True, True, True, True)

# 260 - orthopaedics: a knee injection and TPIs; the charge lines' J-code
# units are no trigger points
note("""
ORTHOPAEDIC SPORTS MEDICINE - OFFICE PROCEDURE NOTE
58 y/o M, L knee OA and L lateral thigh myofascial pain. Failed PT x 8 wks and meloxicam 15 mg daily.
Procedure #1: L knee intra-articular injection, superolateral approach. Injectate: Kenalog 40 mg with 4 mL 1% lidocaine.
Procedure #2: Trigger point injections - L vastus lateralis x2, L TFL x1. 0.25% bupivacaine 3 mL total.
Post: tolerated well; ice 20 min; RTC 6 wks or sooner prn.
Charges: 20610-LT x1; 20552 x1; J3301 x4 units; J2001 x4 units
Electronically signed: P. Morrow, MD
""", ["left vastus lateralis","left tensor fasciae latae"], 3, "triamcinolone + lidocaine + bupivacaine", "40 mg + 4 mL 1% + 0.25% 3 mL", True, True, True, True)

# 261 - cervical dystonia: a toxin table of units and sites per muscle,
# a lot number, EMG (no imaging), the last session in the history
note("""
MOVEMENT DISORDERS CLINIC - BOTULINUM TOXIN PROCEDURE
Dx: cervical dystonia (G24.3), left torticollis with right laterocollis; neck pain.
Prior: botulinum toxin q12 wks since 2023, last 01/05/2026 (same muscles, same doses); also PT for neck stretching.
Toxin: onabotulinumtoxinA (Botox) 200 units total, EMG guidance.
Muscle                  Side   Units   Sites
Sternocleidomastoid     R      40      2
Splenius capitis        L      60      2
Levator scapulae        L      50      2
Trapezius (upper)       L      50      2
Lot C7781C3, exp 11/2027. Wastage 0 units.
Tolerated without complication. Next injection in 12 weeks.
Electronically signed by N. Farouk, MD
""", ["right sternocleidomastoid","left splenius capitis","left levator scapulae","left trapezius"], 8, "botulinum toxin", "200 units", True, True, True, True)

# 262 - an Indian OPD note: "Inj." before each drug, lignocaine, "B/L"
# with "2 points each side", advice and review, "Sd/-" for signed
note("""
DEPT. OF PHYSICAL MEDICINE & REHABILITATION - OPD
Name: Mrs. S.K.   Age/Sex: 41/F   OPD No. 2026/0412
C/o neck pain radiating to both shoulders x 3 months. On physiotherapy (IFT + neck isometrics) x 1 month, Tab. Aceclofenac 100 mg BD - partial relief.
O/E: Active MTrPs with taut band and jump sign in B/L upper trapezius. ROM cervical spine full, painful at end range.
Imp: Myofascial pain syndrome, B/L upper trapezius.
Procedure: Under aseptic precautions, trigger point injection given in B/L upper trapezius (2 points each side) with Inj. Lignocaine 2% 2 ml + Inj. Depomedrol 40 mg, 26G needle.
Adv: Hot fomentation, continue neck isometrics, Tab. Thiocolchicoside 4 mg BD x 5 days.
Review after 2 weeks.
Sd/- Dr. R. Menon, MD (PMR)
""", ["right trapezius","left trapezius"], 4, "lidocaine + methylprednisolone", "2% 2 ml + 40 mg", True, True, True, True)

# 263 - a journal case presentation: past tense, landmarks, "each
# trigger point", "at both sites", reviews after the procedure
note("""
Case Presentation
A 38-year-old right-handed female accountant presented to our outpatient pain clinic with a 6-month history of right-sided neck and shoulder pain radiating to the right temple. She had been treated with oral NSAIDs and 8 sessions of physiotherapy without sustained improvement. Physical examination revealed two active myofascial trigger points, one in the right upper trapezius at the midpoint between C7 and the acromion and one in the right levator scapulae near its insertion at the superior angle of the scapula, each reproducing her familiar pain. Cervical spine radiographs were unremarkable.
After written informed consent, trigger point injection was performed with the patient seated. A 25-gauge needle was introduced into each trigger point and 1 mL of 0.5% lidocaine was injected after negative aspiration; a local twitch response was elicited at both sites.
Her pain score decreased from 7/10 to 2/10 at 15 minutes. She was instructed in a home stretching program and reviewed at 2 and 6 weeks, at which time her NRS was 2/10 and 1/10, respectively.
""", ["right trapezius","right levator scapulae"], 2, "lidocaine", "1 mL of 0.5%", False, True, True, True)

# 264 - a residency procedure-note template: operator and supervisor,
# "Anesthesia: none" (a substance was injected all the same), EBL,
# specimens, an attending's attestation; a group at spinal levels
note("""
PROCEDURE NOTE
Procedure: Trigger point injections (20553)
Operator: K. Liang, MD (PGY-3, PM&R)
Supervising physician: D. Amsel, MD - present for the entire procedure
Indication: thoracic myofascial pain refractory to 3 months of PT, heat and naproxen
Consent: risks (bleeding, infection, pneumothorax, vasovagal reaction), benefits and alternatives discussed; written consent signed and in chart
Time-out: performed; correct patient, procedure and sites confirmed
Positioning: prone
Prep: chlorhexidine x3, sterile technique
Anesthesia: none
Description: Trigger points localized by palpation in the bilateral thoracic paraspinals at T6-T8 and in the left latissimus dorsi. A 25-g 1.5" needle was used with a fanning technique; 1 mL per site.
Number of sites: 5
Injectate: 0.25% bupivacaine, 5 mL total
EBL: minimal
Specimens: none
Complications: none
Disposition: tolerated well; post-procedure instructions given; follow up in PM&R clinic in 4 weeks
Attending attestation: I was present for the entire procedure and agree with the above. D. Amsel, MD
""", ["right thoracic paraspinals","left thoracic paraspinals","left latissimus dorsi"], 5, "bupivacaine", "0.25%, 5 mL", True, True, True, True)

# 265 - the muscles and counts only in the exam, "TPI to the above";
# lidocaine diluted with normal saline (both injected); no steroid
note("""
Pain Management Follow-up - Procedure
HPI: 36 yo F, chronic L low back and buttock pain; TPIs 2 months ago gave 6 wks relief. Doing core program at home; chiropractor monthly.
Exam: TrPs L gluteus medius (2), L gluteus maximus (1), L QL (1).
Procedure: TPI to the above, 4 sites total. Solution: 1% lidocaine 4 mL diluted 1:1 with preservative-free normal saline 4 mL, 2 mL per site.
No steroid used.
Tolerated well; mild post-injection soreness expected.
Plan: ice/heat prn, resume HEP tomorrow, RTC 8 wks.
Signed: E. Varga, MD 04/09/2026
""", ["left gluteus medius","left gluteus maximus","left quadratus lumborum"], 4, "lidocaine + normal saline", "1% 4 mL + 4 mL", True, True, True, True)

# 266 - obstetrics: the steroid withheld in pregnancy, fetal heart
# tones, "no epinephrine"; the middle trapezius
note("""
OB/GYN - PROCEDURE NOTE
G2P1 at 24w3d with L-sided upper back and scapular pain, worse since 20 weeks. Has tried acetaminophen, heat, prenatal massage and PT; NSAIDs avoided in pregnancy.
Exam: taut bands with referred pain L rhomboid major and L middle trapezius. FHT 148 bpm.
Procedure: TPI L rhomboid major x2 and L middle trapezius x1 with 1% lidocaine (no epinephrine), 3 mL total. Steroid not used given pregnancy. Patient seated, leaning forward on a pillow.
Post: FHT 146. Tolerated well.
F/u at next prenatal visit in 2 wks.
Electronically signed by C. Dunmore, MD
""", ["left rhomboid major","left trapezius"], 3, "lidocaine", "1%, 3 mL", True, True, True, True)

# 267 - nerve blocks counted beside trigger points: "Total injections:
# 5 (2 nerve blocks, 3 trigger points)"; the steroid only in the blocks
note("""
NEUROLOGY - HEADACHE PROCEDURE NOTE
Procedures: 1) R greater occipital nerve block 2) R lesser occipital nerve block 3) trigger point injections
Medication: 0.5% bupivacaine 5 mL + triamcinolone 10 mg (added to the nerve block syringe only)
ONB: 1.5 mL at the R GON (medial to the occipital artery), 1 mL at the R LON.
TPIs: R splenius capitis x1, R upper trapezius x1, R semispinalis capitis x1 (0.8 mL each).
Total injections: 5 (2 nerve blocks, 3 trigger points).
Tolerated well; HA improved 7/10 -> 3/10.
Continue amitriptyline 10 mg qhs and PT. Return 6-8 wks.
Electronically signed by A. Lindgren, MD
""", ["right splenius capitis","right trapezius","right semispinalis capitis"], 3, "bupivacaine + triamcinolone", "0.5% 5 mL + 10 mg", True, True, True, True)

# 268 - a medication administration log: NDC, lot and expiry numbers, a
# wasted volume, the brand in brackets after the generic
note("""
PROCEDURE / MEDICATION ADMINISTRATION
Procedure: Trigger point injection(s), 1 or 2 muscles (20552)
Provider: L. Baptiste, FNP-C     Assisted by: R. Cole, CMA
Site(s): R gluteus medius (3 points, along the iliac crest), R piriformis (1 point)
Medication administered:
  Drug: Bupivacaine HCl 0.25% (Marcaine) PF
  NDC: 0409-1159-02   Lot: 24-117-DK   Exp: 08/31/2027
  Amount: 8 mL   Route: IM (trigger point)   Wasted: 2 mL
  Drug: Triamcinolone acetonide (Kenalog-40) 40 mg/mL
  NDC: 0003-0293-05   Lot: AB3349   Exp: 02/2027
  Amount: 1 mL
Pt observed 15 min post procedure, no reaction. VS stable.
Pt has been in PT x 6 weeks.
Return 4 weeks.
Electronically signed by L. Baptiste, FNP-C 04/10/2026 11:05
""", ["right gluteus medius","right piriformis"], 4, "bupivacaine + triamcinolone", "0.25% 8 mL + 40 mg/mL 1 mL", True, True, True, True)

# 269 - a series log: earlier sessions on their own dated rows, today's
# row marked "(today)"
note("""
TPI SERIES LOG - R low back
#1  03/03/2026  R QL x2                                  1% lidocaine 2 mL   relief 50% x 10 d
#2  03/17/2026  R QL x2, R glute med x1                  1% lidocaine 3 mL   relief 60% x 2 wk
#3  03/31/2026 (today)  R QL x2, R glute med x1, R piriformis x1   1% lidocaine 4 mL
Today: consent reviewed, all injections by palpation, no complications.
Continues HEP and PT 1x/wk.
Next: reassess in 4 wks; no further TPIs planned in this series.
Signed: G. Halvorsen, DO
""", ["right quadratus lumborum","right gluteus medius","right piriformis"], 4, "lidocaine", "1% 4 mL", True, True, True, True)

# 270 - a fluoroscopic SI joint injection beside TPIs by palpation, "no
# imaging" for them: the TPIs were not guided
note("""
INTERVENTIONAL SPINE - PROCEDURE REPORT
Procedures:
1. Left sacroiliac joint injection under fluoroscopic guidance (27096)
2. Trigger point injections, left gluteus maximus and left piriformis (20552)
SI joint: 22-g spinal needle into the inferior L SI joint under AP and oblique fluoroscopy; 1 mL contrast showed an intra-articular arthrogram; injected 2 mL 0.5% bupivacaine + 40 mg triamcinolone.
TPIs: performed by palpation after the SI injection, no imaging; left gluteus maximus x2, left piriformis x1; 3 mL 1% lidocaine.
Fluoro time 12 s.
Pt tolerated well. Pain 8/10 pre, 3/10 post. Continue PT. F/u 2 wks with pain diary.
Electronically signed by M. Castellano, MD
""", ["left gluteus maximus","left piriformis"], 3, "bupivacaine + triamcinolone + lidocaine", "2 mL 0.5% + 40 mg + 3 mL 1%", True, True, True, True)

# 271 - an ambient AI scribe's Markdown: headings, bold labels, bullets,
# italic attestation lines
note("""
## Procedure Note — Trigger Point Injections

**Chief complaint:** bilateral low back pain, worse on the right

**Interval history:** Patient reports ongoing low back pain despite **physical therapy (completed 8 weeks)** and daily stretching. Takes **ibuprofen 400 mg** as needed.

**Procedure:**
- **Indication:** lumbar myofascial pain (M79.18)
- **Muscles injected:** right quadratus lumborum (2 TPs), right iliocostalis lumborum (1 TP), left quadratus lumborum (1 TP)
- **Medication:** 4 mL of 1% lidocaine, no steroid
- **Technique:** landmark-guided, 25G 1.5" needle, negative aspiration before each injection
- **Complications:** none

**Plan:**
1. Heat and gentle stretching for 48 hours
2. Follow-up in 4 weeks to assess response

*This note was generated with the assistance of an ambient AI scribe and reviewed by the provider.*
*Signed: Dr. Amara Osei, 04/11/2026*
""", ["right quadratus lumborum","right iliocostalis lumborum","left quadratus lumborum"], 4, "lidocaine", "4 mL of 1%", True, True, True, True)

# 272 - a faxed note broken across pages: fax banners, page headers and a
# confidentiality footer inside the numbered list of muscles
note("""
LAKESIDE PAIN ASSOCIATES                                    Page 1 of 2
Patient: R., T.   DOS: 04/08/2026
PROCEDURE: Trigger point injections
INDICATION: Chronic cervicothoracic myofascial pain; has completed PT and a trial of tizanidine.
MUSCLES INJECTED:
  1. Right upper trapezius - 2 sites
  2. Right levator scapulae - 1 site
  3. Right rhomboid major - 1 site
------------------------------------------------------------------
CONFIDENTIAL: This facsimile contains protected health information. If received in error, notify the sender and destroy all copies.
04/12/2026 09:41  FROM: LAKESIDE PAIN ASSOC  FAX 555-0100   P.002/003
LAKESIDE PAIN ASSOCIATES                                    Page 2 of 2
Patient: R., T.   DOS: 04/08/2026
  4. Left upper trapezius - 1 site
TOTAL SITES: 5
MEDICATION: Lidocaine 1% 5 mL
COMPLICATIONS: None.
FOLLOW-UP: 6 weeks.
Electronically signed by W. Achebe, MD on 04/08/2026
""", ["right trapezius","right levator scapulae","right rhomboid major","left trapezius"], 5, "lidocaine", "1% 5 mL", True, True, True, True)

# 273 - family medicine SOAP: a trochanteric bursa injection beside TPIs
# (the bursa is no muscle); ultrasound only offered for later
note("""
S: 63 yo F with R lateral hip pain x 5 mo, worse lying on R side. Tried PT (6 wks), Voltaren gel, walking program.
O: TTP R greater trochanter; taut bands w/ referred pain R glute med and R TFL. Neg FABER.
A: 1. R greater trochanteric pain syndrome (M70.61) 2. Myofascial pain R hip girdle (M79.18)
P: Procedures after verbal and written consent:
 1) R GT bursa injection: 40 mg triamcinolone + 4 mL 1% lidocaine, lateral approach, landmark guided.
 2) TPI: R glute med (posterior fibers) x2, R TFL x1 - 3 mL 0.5% ropivacaine.
 Tolerated both well, no complications.
 Return 6 wks; consider US-guided injection if no improvement.
Electronically signed by F. Iyer, MD
""", ["right gluteus medius","right tensor fasciae latae"], 3, "triamcinolone + lidocaine + ropivacaine", "40 mg + 4 mL 1% + 3 mL 0.5%", True, True, True, True)

# 274 - Spanish (Spain): "piramidal" for the piriformis, "ecoguiada"
# (ultrasound-guided), mepivacaine, "Fdo." for signed
note("""
INFORME DE PROCEDIMIENTO - UNIDAD DEL DOLOR
Paciente de 52 años con lumbalgia crónica y dolor glúteo izquierdo. Tratamiento previo: rehabilitación, paracetamol y metamizol.
Exploración: puntos gatillo en glúteo medio izquierdo y piramidal izquierdo, con dolor referido a la cara posterior del muslo.
Técnica: infiltración ecoguiada de puntos gatillo con mepivacaína al 2% 4 ml: glúteo medio izquierdo (2 puntos) y piramidal izquierdo (1 punto).
Sin incidencias.
Recomendaciones: calor local; revisión en consulta en 6 semanas.
Fdo.: Dra. L. Sanz Ibáñez
""", ["left gluteus medius","left piriformis"], 3, "mepivacaine", "2% 4 ml", True, True, True, True, "ultrasound")

# 275 - a PT dry needling table: "B" for both sides, a row not needled,
# manual therapy to a region that is no needling
note("""
PHYSICAL THERAPY DAILY NOTE - Visit 6 of 12
Dx: M54.2 cervicalgia; M62.838 muscle spasm
Subjective: Pt reports 40% improvement since last DN session; HA frequency down to 2x/wk. Compliant with HEP.
Treatment: Trigger point dry needling (20561, 3+ muscles), consent on file, clean technique, 0.25 x 30 mm needles, no medication injected.
| Muscle | Side | Technique | LTR |
| Upper trapezius | R | pistoning | + |
| Splenius capitis | R | pistoning | + |
| Suboccipitals | B | static, 5 min | - |
| Levator scapulae | R | not needled (pt guarding) | |
Manual therapy 97140 x 8 min: STM to cervical paraspinals.
Therex 97110 x 15 min: DNF training, scapular retraction.
Response: tolerated well, post-needling soreness expected 24-48 h.
Plan: continue 2x/wk; progress HEP; reassess at visit 8.
Therapist signature: M. Quinn, PT, DPT (electronically signed)
""", ["right trapezius","right splenius capitis","right suboccipitals","left suboccipitals"], None, "none", None, True, True, True, False)


if __name__ == '__main__':
    for i, (text, lab) in enumerate(N, 1):
        open('%03d.txt' % i, 'w', encoding='utf-8', newline='').write(text)
        open('%03d.json' % i, 'w', encoding='utf-8').write(json.dumps(lab, indent=1) + '\n')
