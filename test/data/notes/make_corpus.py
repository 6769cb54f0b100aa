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
def note(text, muscles, tp=None, drug=None, dose=None, signed=False, plan=False, cons=False, loc=False, guidance='none'):
    N.append((text.strip('\n') + '\n', dict(muscles=muscles, trigger_points=tp, drug_name=drug, drug_dose=dose,
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


if __name__ == '__main__':
    for i, (text, lab) in enumerate(N, 1):
        open('%03d.txt' % i, 'w').write(text)
        open('%03d.json' % i, 'w').write(json.dumps(lab, indent=1) + '\n')
