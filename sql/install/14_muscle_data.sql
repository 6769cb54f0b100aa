-- The shipped muscle catalogue (SPEC section 4): canonical names, group
-- terms and region terms, with the anatomical region and the spellings and
-- abbreviations met in procedure notes.  Aliases are matched after the
-- normalisation described in src/muscle_parse.h (lower case, punctuation
-- as blanks, side words removed), so they need no punctuation variants,
-- and a name or alias is also matched with its blanks removed
-- ("sterno-cleido-mastoid", "glutemed").
--
-- Decisions:
--  * SPEC fixes the region of the muscles it names; those rows follow it
--    to the letter (trapezius, all parts, is cervical; pectoralis major is
--    shoulder; psoas is lumbar ...).
--  * Plural or collective terms are group terms (kind 'group': one muscle
--    per side, doc.muscle_group_term): paraspinals, erector spinae group,
--    rotator cuff, hamstrings, quadriceps, glutes, scalenes, suboccipitals,
--    obliques, intercostals, adductors, forearm extensors,
--    forearm flexors, and the paraspinals of one level (cervical, thoracic
--    and lumbar paraspinals, in the region of the level; plain paraspinals
--    have no region).  SPEC lists scalenes, suboccipitals, hamstrings,
--    quadriceps, thoracic and lumbar paraspinals, obliques and the forearm
--    extensors and flexors among the members of a region: they keep that
--    region as group terms.
--  * "erector spinae" is a muscle (SPEC lists it as a lumbar muscle);
--    only "erector spinae group" is the group term.
--  * "rhomboids" (and "rhomboid") is a muscle, one per side: SPEC section 4
--    lists it among the aliases and abbreviations, not the group terms, and
--    the two rhomboids act and are injected as one muscle.  "rhomboid major"
--    and "rhomboid minor" stay muscles of their own for notes that name
--    them, and "rhomboid major and minor" names both: two muscles, as
--    "teres major and minor" does (1.1; 1.0 had it as an alias of
--    "rhomboids").
--  * The single scalene muscles (scalenus anterior, medius, posterior) are
--    muscles; "scalene"/"scalenes" alone are the group term.  Notes write
--    "anterior and middle scalenes" for two of them: "anterior scalenes"
--    is the anterior scalene (1.1).
--  * "longissimus" alone is the lumbar muscle of SPEC; longissimus
--    thoracis and capitis are separate rows.  "iliocostalis" alone is
--    iliocostalis lumborum.
--  * Region terms (kind 'region': no muscle, doc.region_only) carry the
--    region they name, or NULL where no single region fits ("back",
--    "paraspinal area").
--  * Nothing catalogued here contains a side word (left, l, rt, both ...)
--    since those are removed before matching.
--  * "ut" is the upper trapezius of abbreviated notes ("B/L UT x2"), the
--    trapezius (parts are one muscle).  "ls" is not an alias: it is as
--    often lumbosacral ("LS paraspinals"); the note reader reads it as the
--    levator scapulae only after a side word (src/parse/note.c).

INSERT INTO @extschema@.muscle (name, region, kind, aliases, builtin) VALUES
-- cervical
('trapezius', 'cervical', 'muscle', '{trap,traps,trapz,trapezii,trapezious,trapezuis,trapezium,ut}', true),
('levator scapulae', 'cervical', 'muscle', '{levator scap,levator scapula,levator scapule,levator,lev scap,lev scapulae,levator scapulae muscle,levator scapulea,lev}', true),
('splenius capitis', 'cervical', 'muscle', '{splenius cap,splenius}', true),
('splenius cervicis', 'cervical', 'muscle', '{splenius cerv,splenius colli}', true),
('sternocleidomastoid', 'cervical', 'muscle', '{scm,scms,sternomastoid,sternocleidomastoideus,sternocleidomastoid muscle,sterno cleido mastoid,sternocleidomastoids}', true),
('semispinalis capitis', 'cervical', 'muscle', '{semispinalis cap,semispinalis}', true),
('semispinalis cervicis', 'cervical', 'muscle', '{semispinalis cerv}', true),
('scalenus anterior', 'cervical', 'muscle', '{anterior scalene,scalene anterior,anterior scalenus,scalenus anticus,scalenus ant,anterior scalenes}', true),
('scalenus medius', 'cervical', 'muscle', '{middle scalene,mid scalene,medial scalene,scalene medius,scalenus med,scalene middle,middle scalenes}', true),
('scalenus posterior', 'cervical', 'muscle', '{posterior scalene,scalene posterior,scalenus post,posterior scalenes}', true),
('longus colli', 'cervical', 'muscle', '{longus cervicis}', true),
('longus capitis', 'cervical', 'muscle', '{}', true),
('longissimus capitis', 'cervical', 'muscle', '{}', true),
('iliocostalis cervicis', 'cervical', 'muscle', '{}', true),
('rectus capitis posterior major', 'cervical', 'muscle', '{rectus capitis major,rcpm}', true),
('rectus capitis posterior minor', 'cervical', 'muscle', '{rectus capitis minor}', true),
('obliquus capitis inferior', 'cervical', 'muscle', '{inferior oblique capitis,oblique capitis inferior}', true),
('obliquus capitis superior', 'cervical', 'muscle', '{superior oblique capitis,oblique capitis superior}', true),
('platysma', 'cervical', 'muscle', '{}', true),
-- scapular
('rhomboid major', 'scapular', 'muscle', '{rhomboideus major,major rhomboid,rhomboid maj}', true),
('rhomboid minor', 'scapular', 'muscle', '{rhomboideus minor,minor rhomboid,rhomboid min}', true),
('rhomboids', 'scapular', 'muscle', '{rhomboid,rhomboideus,rhomboidei,rhomboid muscles,rhomb,rhombs}', true),
('infraspinatus', 'scapular', 'muscle', '{infra,infraspinous,infraspinatous,infraspinatus muscle,infraspinatis}', true),
('supraspinatus', 'scapular', 'muscle', '{supra,supraspinous,supraspinatous,supraspinatis}', true),
('teres major', 'scapular', 'muscle', '{teres maj}', true),
('teres minor', 'scapular', 'muscle', '{teres min}', true),
('subscapularis', 'scapular', 'muscle', '{subscap,subscapular}', true),
('serratus anterior', 'scapular', 'muscle', '{serratus ant,anterior serratus,serratus}', true),
('latissimus dorsi', 'scapular', 'muscle', '{lats,lat,latissimus,lat dorsi,latisimus dorsi,latissimus dorsi muscle}', true),
-- shoulder
('deltoid', 'shoulder', 'muscle', '{delt,delts,deltoids,deltoideus,ant delt,post delt,mid delt}', true),
('pectoralis major', 'shoulder', 'muscle', '{pec major,pec maj,pectoralis maj,pec,pecs,pectoralis,pectoral}', true),
('pectoralis minor', 'shoulder', 'muscle', '{pec minor,pec min,pectoralis min}', true),
('biceps brachii', 'shoulder', 'muscle', '{biceps,bicep,bicep brachii}', true),
('triceps brachii', 'shoulder', 'muscle', '{triceps,tricep,tricep brachii}', true),
('coracobrachialis', 'shoulder', 'muscle', '{}', true),
-- chest wall
('subclavius', 'chest wall', 'muscle', '{}', true),
('sternalis', 'chest wall', 'muscle', '{}', true),
-- thoracic
('iliocostalis thoracis', 'thoracic', 'muscle', '{}', true),
('longissimus thoracis', 'thoracic', 'muscle', '{}', true),
('spinalis', 'thoracic', 'muscle', '{spinalis thoracis}', true),
('semispinalis thoracis', 'thoracic', 'muscle', '{}', true),
('serratus posterior superior', 'thoracic', 'muscle', '{}', true),
('serratus posterior inferior', 'thoracic', 'muscle', '{}', true),
-- lumbar
('quadratus lumborum', 'lumbar', 'muscle', '{ql,qls,quadratus,quad lumborum,quadratus lumborum muscle,quadratus lumborem,quadratus lumbarum}', true),
('multifidus', 'lumbar', 'muscle', '{multifidi,multifidis,lumbar multifidus,multifidus muscle}', true),
('iliocostalis lumborum', 'lumbar', 'muscle', '{iliocostalis}', true),
('longissimus', 'lumbar', 'muscle', '{longissimus lumborum}', true),
('erector spinae', 'lumbar', 'muscle', '{erector,erectors,spinal erectors,erector spinae muscle,es}', true),
('psoas', 'lumbar', 'muscle', '{psoas major,psoas muscle}', true),
('iliopsoas', 'lumbar', 'muscle', '{ilio psoas}', true),
('iliacus', 'lumbar', 'muscle', '{}', true),
-- gluteal/hip
('gluteus maximus', 'gluteal/hip', 'muscle', '{glute max,gluteus max,gluteal max,glut max,g max,gmax,gluteus maximum}', true),
('gluteus medius', 'gluteal/hip', 'muscle', '{glute med,gluteus med,gluteal med,glut med,g med,gmed,gluteus medias,gluteus medium,glute medius,gluteal medius}', true),
('gluteus minimus', 'gluteal/hip', 'muscle', '{glute min,gluteus min,gluteal min,glut min,g min,gmin,gluteus minimum}', true),
('piriformis', 'gluteal/hip', 'muscle', '{piriformus,pyriformis,piri}', true),
('tensor fasciae latae', 'gluteal/hip', 'muscle', '{tfl,tensor fascia lata,tensor fascia latae,tensor fasciae lata,tensor fasciae,tensor fascia}', true),
('obturator internus', 'gluteal/hip', 'muscle', '{}', true),
-- pelvic floor (transvaginal / transrectal TPIs): no region of SPEC section 4
-- is the pelvis; gluteal/hip, with obturator internus, is the nearest
('levator ani', 'gluteal/hip', 'muscle', '{levator ani muscle,levatores ani}', true),
('coccygeus', 'gluteal/hip', 'muscle', '{coccygeus muscle,ischiococcygeus}', true),
('gemellus superior', 'gluteal/hip', 'muscle', '{superior gemellus}', true),
('gemellus inferior', 'gluteal/hip', 'muscle', '{inferior gemellus}', true),
('quadratus femoris', 'gluteal/hip', 'muscle', '{}', true),
-- lower limb
('biceps femoris', 'lower limb', 'muscle', '{biceps fem,bicep femoris}', true),
('semitendinosus', 'lower limb', 'muscle', '{semitendinosis}', true),
('semimembranosus', 'lower limb', 'muscle', '{semimembranosis}', true),
('vastus lateralis', 'lower limb', 'muscle', '{vl,vastus lat}', true),
('vastus medialis', 'lower limb', 'muscle', '{vmo,vastus medialis oblique,vastus med,vastus medialis obliquus}', true),
('vastus intermedius', 'lower limb', 'muscle', '{}', true),
('rectus femoris', 'lower limb', 'muscle', '{rec fem}', true),
('gastrocnemius', 'lower limb', 'muscle', '{gastroc,gastrocs,gastrocnemious,gastrocnemeus}', true),
('soleus', 'lower limb', 'muscle', '{}', true),
('tibialis anterior', 'lower limb', 'muscle', '{tib ant,anterior tibialis,tibialis ant,anterior tib}', true),
('tibialis posterior', 'lower limb', 'muscle', '{tib post,posterior tibialis,tibialis post}', true),
('peroneus longus', 'lower limb', 'muscle', '{fibularis longus,peroneal longus}', true),
('peroneus brevis', 'lower limb', 'muscle', '{fibularis brevis}', true),
('extensor digitorum longus', 'lower limb', 'muscle', '{}', true),
('flexor digitorum longus', 'lower limb', 'muscle', '{}', true),
('extensor hallucis longus', 'lower limb', 'muscle', '{}', true),
('popliteus', 'lower limb', 'muscle', '{}', true),
('adductor longus', 'lower limb', 'muscle', '{}', true),
('adductor magnus', 'lower limb', 'muscle', '{}', true),
('adductor brevis', 'lower limb', 'muscle', '{}', true),
('gracilis', 'lower limb', 'muscle', '{}', true),
('sartorius', 'lower limb', 'muscle', '{}', true),
('pectineus', 'lower limb', 'muscle', '{}', true),
-- upper limb
('brachioradialis', 'upper limb', 'muscle', '{brachioradialus}', true),
('brachialis', 'upper limb', 'muscle', '{}', true),
('extensor carpi radialis longus', 'upper limb', 'muscle', '{ecrl}', true),
('extensor carpi radialis brevis', 'upper limb', 'muscle', '{ecrb}', true),
('extensor carpi ulnaris', 'upper limb', 'muscle', '{ecu}', true),
('flexor carpi radialis', 'upper limb', 'muscle', '{fcr}', true),
('flexor carpi ulnaris', 'upper limb', 'muscle', '{fcu}', true),
('extensor digitorum', 'upper limb', 'muscle', '{extensor digitorum communis,edc}', true),
('flexor digitorum superficialis', 'upper limb', 'muscle', '{fds}', true),
('flexor digitorum profundus', 'upper limb', 'muscle', '{fdp}', true),
('pronator teres', 'upper limb', 'muscle', '{}', true),
('supinator', 'upper limb', 'muscle', '{}', true),
('anconeus', 'upper limb', 'muscle', '{}', true),
-- cephalic
('temporalis', 'cephalic', 'muscle', '{temporal,temporalis muscle,temporalis m}', true),
('frontalis', 'cephalic', 'muscle', '{}', true),
('occipitalis', 'cephalic', 'muscle', '{}', true),
-- facial
('masseter', 'facial', 'muscle', '{masseters,masseteric}', true),
('medial pterygoid', 'facial', 'muscle', '{internal pterygoid,pterygoid medial,pterygoideus medialis}', true),
('lateral pterygoid', 'facial', 'muscle', '{external pterygoid,pterygoid lateral,pterygoideus lateralis}', true),
('digastric', 'facial', 'muscle', '{digastricus}', true),
('buccinator', 'facial', 'muscle', '{}', true),
('zygomaticus major', 'facial', 'muscle', '{}', true),
('corrugator supercilii', 'facial', 'muscle', '{corrugator}', true),
-- abdominal wall
('rectus abdominis', 'abdominal wall', 'muscle', '{rectus abdominus,rectus abdominal}', true),
('external oblique', 'abdominal wall', 'muscle', '{external abdominal oblique,obliquus externus abdominis,ext oblique}', true),
('internal oblique', 'abdominal wall', 'muscle', '{internal abdominal oblique,obliquus internus abdominis,int oblique}', true),
('transversus abdominis', 'abdominal wall', 'muscle', '{transverse abdominis,transversus abdominus,transverse abdominus}', true);

-- Group terms: one muscle per side, and doc.muscle_group_term.
INSERT INTO @extschema@.muscle (name, region, kind, aliases, builtin) VALUES
('paraspinals', NULL, 'group', '{paraspinal,paraspinous,paraspinous muscles,paravertebral,paravertebrals,paraspinal muscle group,paras}', true),
('cervical paraspinals', 'cervical', 'group', '{cervical paraspinal,cervical paraspinous,cervical paravertebral,cervical paravertebrals,cervical paras}', true),
('thoracic paraspinals', 'thoracic', 'group', '{thoracic paraspinal,thoracic paraspinous,thoracic paravertebral,thoracic paravertebrals,thoracic paras}', true),
('lumbar paraspinals', 'lumbar', 'group', '{lumbar paraspinal,lumbar paraspinous,lumbar paravertebral,lumbar paravertebrals,lumbosacral paraspinals,lumbosacral paraspinal,lumbar paras,ls paraspinals}', true),
('erector spinae group', 'lumbar', 'group', '{erector spinae muscle group,es group}', true),
('scalenes', 'cervical', 'group', '{scalene,scaleni,scalenus,scalene group}', true),
('suboccipitals', 'cervical', 'group', '{suboccipital,suboccipital group,suboccipital muscle group,subocc,suboccs,sub occipitals,sub occipital}', true),
('rotator cuff', 'scapular', 'group', '{rotator cuff muscles,rotator cuff group}', true),
('serratus posterior', 'thoracic', 'group', '{posterior serratus}', true),
('intercostals', 'chest wall', 'group', '{intercostal,intercostal muscles,external intercostals,internal intercostals}', true),
('glutes', 'gluteal/hip', 'group', '{glute,gluts,gluteals,gluteal,gluteus,glutei,gluteal muscles}', true),
('hip rotators', 'gluteal/hip', 'group', '{deep hip rotators,deep rotators,external rotators of the hip}', true),
('hip flexors', 'gluteal/hip', 'group', '{hip flexor}', true),
('hamstrings', 'lower limb', 'group', '{hamstring,hams,hamstring group}', true),
('quadriceps', 'lower limb', 'group', '{quads,quad,quadricep,quadriceps femoris,quadriceps group}', true),
('adductors', 'lower limb', 'group', '{adductor,hip adductors,adductor group}', true),
('peroneals', 'lower limb', 'group', '{peroneal,peronei,fibularis}', true),
('calf muscles', 'lower limb', 'group', '{calf muscle,calf muscle group,triceps surae}', true),
('forearm extensors', 'upper limb', 'group', '{forearm extensor,wrist extensors,wrist extensor}', true),
('forearm flexors', 'upper limb', 'group', '{forearm flexor,wrist flexors,wrist flexor}', true),
('obliques', 'abdominal wall', 'group', '{oblique,abdominal obliques,abdominal oblique}', true),
('abdominals', 'abdominal wall', 'group', '{abs,abdominal muscles}', true),
('pterygoids', 'facial', 'group', '{pterygoid}', true);

-- Region terms: no muscle; doc.region_only when a line has nothing else.
INSERT INTO @extschema@.muscle (name, region, kind, aliases, builtin) VALUES
('shoulder', 'shoulder', 'region', '{shoulders,shoulder girdle,shoulder region,shoulder area}', true),
('neck', 'cervical', 'region', '{cervical region,cervical spine,cervical area,c spine,neck region,neck area}', true),
('upper back', 'thoracic', 'region', '{upper back area}', true),
('mid back', 'thoracic', 'region', '{middle back,midback,thoracic region,thoracic spine,thoracic area,t spine}', true),
('back', NULL, 'region', '{back area,back region}', true),
('low back', 'lumbar', 'region', '{lower back,lowback,lumbar region,lumbar spine,lumbar area,lumbosacral region,lumbosacral area}', true),
('paraspinal area', NULL, 'region', '{paraspinal region,paraspinous area,paraspinous region,paravertebral area,paravertebral region}', true),
('hip', 'gluteal/hip', 'region', '{hips,hip region,hip area}', true),
('buttock', 'gluteal/hip', 'region', '{buttocks,gluteal region,gluteal area,glutial region}', true),
('scapular region', 'scapular', 'region', '{scapula,scapular area,shoulder blade,interscapular region,interscapular area}', true),
('head', 'cephalic', 'region', '{scalp,temple,temples,forehead,head region}', true),
('face', 'facial', 'region', '{jaw,tmj,facial region,face region}', true),
('chest', 'chest wall', 'region', '{chest wall,chest region,chest area}', true),
('abdomen', 'abdominal wall', 'region', '{abdominal wall,abdominal region,abdominal area,abdomen area}', true),
('arm', 'upper limb', 'region', '{upper arm,forearm,elbow,wrist,hand,upper limb,upper extremity,arms}', true),
('leg', 'lower limb', 'region', '{thigh,calf,knee,ankle,foot,lower limb,lower extremity,legs}', true);
