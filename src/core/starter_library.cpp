// Tandem's starter action-step library: bite-sized steps in seven areas, written for this app.

#include "core/starter_library.hpp"

#include "core/records.hpp"

namespace tandem {

namespace {

constexpr StarterEntry entries[] = {
    // Routines and behaviour
    {
        "routines.entry-routine",
        LibraryArea::routines_and_behaviour,
        "Greet at the door with a task ready",
        "Stand at the door as students arrive, greet each one briefly, and have a short written task on the board "
        "that they start straight away without being asked.",
        "The teacher is at the door as students arrive; the task is visible before the first student enters; most "
        "students are writing within two minutes of entering.",
        "Rehearse the first 60 seconds twice, with the coach playing arriving students, including one who chats on "
        "the way in. Agree the exact words of the greeting and the one-line prompt to start.",
    },
    {
        "routines.exit-routine",
        LibraryArea::routines_and_behaviour,
        "End the lesson with a calm, planned exit",
        "Stop teaching three minutes before the bell and run the same short exit routine every lesson: tidy up, "
        "stand behind chairs, then leave row by row when you say so.",
        "Teaching stops with time to spare; students tidy and stand without repeated reminders; students leave in "
        "the order the teacher names and the room is ready for the next class.",
        "Script the three steps of the exit in fewer than 30 words, then say them twice while the coach times you. "
        "On the second round, practise a calm reset when a student heads for the door early.",
    },
    {
        "routines.attention-signal",
        LibraryArea::routines_and_behaviour,
        "Use one consistent attention signal",
        "Choose one signal for whole-class attention, such as a raised hand with a countdown from five, teach it "
        "explicitly, and wait for every student before you speak.",
        "The teacher uses the same signal each time; the teacher waits silently until all students are facing them; "
        "the teacher does not talk over students.",
        "Rehearse the signal three times with the coach as the class, standing still and silent for the last count. "
        "On the final round the coach keeps talking, and you practise waiting and scanning rather than raising your "
        "voice.",
    },
    {
        "routines.narrate-positive",
        LibraryArea::routines_and_behaviour,
        "Narrate what students are doing well",
        "After giving an instruction, describe aloud two or three students or groups who are already following it, "
        "in a calm, matter-of-fact voice, before you address anyone who is not.",
        "Within ten seconds of an instruction, the teacher describes actions students are already taking (for "
        "example, 'the back row has pens ready'); more students follow the instruction after the narration.",
        "Give an instruction to the coach as the class, then practise three narrations that describe actions rather "
        "than use praise words. Repeat until each one takes under five seconds.",
    },
    {
        "routines.least-invasive",
        LibraryArea::routines_and_behaviour,
        "Correct off-task behaviour with the smallest response",
        "When a student drifts off task, start with the least noticeable correction, such as a look, moving closer "
        "or a quiet gesture, while you keep teaching, and only step up if that does not work.",
        "The lesson keeps flowing while the teacher corrects; the first correction is non-verbal or private; the "
        "student returns to the task without a public exchange.",
        "The coach plays a student tapping a pen during your explanation. Rehearse three rounds, using a look, then "
        "moving closer, then a quiet private word, without pausing your explanation.",
    },
    {
        "routines.timed-transitions",
        LibraryArea::routines_and_behaviour,
        "Make transitions quick and visible",
        "For the next change of activity, tell students exactly what to do in short steps, give a time limit, and "
        "count down or show a timer while you watch the room.",
        "Instructions for the transition are given before students move; a timer or countdown is visible or "
        "audible; all students are ready for the next activity within the time given.",
        "Pick the slowest transition in your lesson and script it as no more than three steps. Rehearse giving it "
        "twice while the coach times you and notes any step that needs to be clearer.",
    },
    {
        "routines.what-to-do-directions",
        LibraryArea::routines_and_behaviour,
        "Give directions as short, observable steps",
        "Give instructions as two or three short steps that say exactly what students should do, for example 'pens "
        "down, eyes on the board, books closed', rather than what to stop doing.",
        "Instructions describe actions students can be seen doing; each instruction has no more than three steps; "
        "students carry out the instruction without asking what to do.",
        "Rewrite three instructions from your next lesson as short, observable steps. Say each one aloud to the "
        "coach and refine any that takes more than one breath.",
    },

    // Explaining and modelling
    {
        "explaining.worked-example",
        LibraryArea::explaining_and_modelling,
        "Show a worked example before independent work",
        "Before students attempt a new type of task, work through one complete example on the board, showing every "
        "step, and point out the step where mistakes usually happen.",
        "A complete worked example is visible before independent work starts; each step is written, not only "
        "spoken; students can refer to the example while they work.",
        "Choose the example for your next lesson and talk through it with the coach as the class, twice. On the "
        "second round, name the tricky step explicitly and cut anything that does not help.",
    },
    {
        "explaining.dual-coding",
        LibraryArea::explaining_and_modelling,
        "Pair your explanation with a simple visual",
        "When explaining a new idea, draw or show one simple diagram, timeline or flow chart as you speak, and keep "
        "other text on the slide to a minimum so students can attend to both.",
        "A visual that matches the explanation is shown while the teacher speaks; the slide or board carries only a "
        "few words alongside it; the teacher points to parts of the visual while explaining.",
        "Sketch the visual for one explanation in the meeting, then explain it to the coach while drawing or "
        "pointing. Repeat after removing any words on the slide that you would read aloud.",
    },
    {
        "explaining.chunking",
        LibraryArea::explaining_and_modelling,
        "Break the explanation into short chunks",
        "Split your next explanation into chunks of no more than three or four minutes, and after each chunk ask a "
        "quick question or set a short task before moving on.",
        "The teacher talks for no more than about four minutes at a time; after each chunk students answer a "
        "question or complete a short task; the teacher uses the responses before continuing.",
        "Plan the chunk breaks for one explanation and the check after each. Deliver the first two chunks to the "
        "coach, who signals when you pass the time limit.",
    },
    {
        "explaining.i-we-you",
        LibraryArea::explaining_and_modelling,
        "Move from I do, to we do, to you do",
        "Model one example yourself, complete a second one together with the class making the decisions, then set a "
        "third for students to do alone before moving to the main task.",
        "Three phases are visible: the teacher models, the class completes an example together, students attempt "
        "one alone; the teacher checks the independent attempt before moving on.",
        "Prepare three closely matched examples. Rehearse the we-do phase with the coach as the class, asking "
        "students for each next step rather than giving it yourself.",
    },
    {
        "explaining.think-aloud",
        LibraryArea::explaining_and_modelling,
        "Think aloud while you model",
        "While modelling, say out loud the decisions an expert makes: what you notice first, what you choose and "
        "why, and how you check your work.",
        "The teacher voices at least two decisions or checks during the model (for example, 'I check the units "
        "first'); when asked, students can say what the teacher did first and why.",
        "Model a task for the coach while thinking aloud, with the coach noting each decision you voice. Repeat it, "
        "adding any step you did silently the first time.",
    },
    {
        "explaining.success-criteria",
        LibraryArea::explaining_and_modelling,
        "Share clear success criteria with a model",
        "Before students start a task, show two or three short success criteria and point to where each one is met "
        "in a model answer.",
        "Success criteria are visible during the task; the teacher links each criterion to part of a model; when "
        "asked, students can say what a good answer includes.",
        "Write the criteria for your next task with the coach, cutting any that cannot be seen in the work. "
        "Rehearse the 90-second walk-through of the model answer.",
    },
    {
        "explaining.examples-non-examples",
        LibraryArea::explaining_and_modelling,
        "Use examples and a non-example",
        "When introducing a new concept, show two examples alongside one non-example that looks similar, and ask "
        "students to explain what makes the difference.",
        "Examples and a close non-example are shown side by side; students explain the difference in their own "
        "words; the teacher refers back to the difference when correcting later errors.",
        "Choose a concept from next week and together find one convincing non-example. Rehearse the question you "
        "will ask about it and the answer you hope to hear.",
    },

    // Questioning
    {
        "questioning.cold-call",
        LibraryArea::questioning,
        "Cold call rather than taking hands up",
        "Ask the question to the whole class, pause, then name the student who will answer, so that everyone "
        "prepares an answer. Keep the tone warm and routine.",
        "The question comes before the name; the teacher chooses who answers rather than taking hands; answers come "
        "from students across the room, not only volunteers.",
        "Write three questions for your next lesson and ask each to the coach as the class: question, pause, name. "
        "The coach listens for the name coming last and a warm tone.",
    },
    {
        "questioning.wait-time",
        LibraryArea::questioning,
        "Give thinking time before taking an answer",
        "After asking a question, wait at least three seconds before taking an answer, and tell students what to do "
        "with the time, for example 'think of your answer as a full sentence'.",
        "At least three seconds pass between question and answer; the teacher does not rephrase or answer the "
        "question during the pause; more students are ready to answer when asked.",
        "Ask the coach five questions, counting silently to three before taking an answer. The coach times each "
        "pause and signals if you fill the silence.",
    },
    {
        "questioning.no-opt-out",
        LibraryArea::questioning,
        "Come back to a student who does not know",
        "When a student says they don't know, take the answer from another student or give a hint, then return to "
        "the first student and ask them to give the answer themselves.",
        "A student who could not answer at first gives a correct answer before the exchange ends; the teacher's "
        "tone stays supportive; the return happens within a minute.",
        "The coach plays a student who says 'I don't know'. Rehearse three rounds, using a peer's answer, a hint, "
        "then a choice of two options, each time returning to the same student.",
    },
    {
        "questioning.probing-follow-ups",
        LibraryArea::questioning,
        "Follow a correct answer with a probing question",
        "When a student gives a correct answer, ask one follow-up such as 'how do you know?', 'what would change if "
        "...?' or 'can you give an example?' before moving on.",
        "Several correct answers are followed by a further question; students explain or justify their answers, not "
        "just state them; the teacher does not answer the follow-up for them.",
        "List three likely answers to a key question and write a follow-up for each. Ask them to the coach, who "
        "gives short answers that you gently push further.",
    },
    {
        "questioning.hinge-question",
        LibraryArea::questioning,
        "Plan a hinge question at the key point",
        "Plan one multiple-choice question for the middle of the lesson, where each wrong option reveals a specific "
        "misconception, and decide in advance what you will do after each response.",
        "All students answer the hinge question at the same time; the teacher scans every response; what the "
        "teacher does next depends on what the responses show.",
        "Draft the hinge question together, checking that each wrong option matches a real misconception. Rehearse "
        "reading the responses the coach shows you and saying aloud what you will do next.",
    },
    {
        "questioning.think-pair-share",
        LibraryArea::questioning,
        "Structure think-pair-share so everyone talks",
        "Give a short silent thinking time, tell pairs who speaks first and for how long, then cold call pairs "
        "afterwards to share what their partner said.",
        "Students think silently before talking; in pairs, both partners speak; when called on, students report "
        "what their partner said.",
        "Script the instructions for one think-pair-share, including who speaks first and a sentence starter. "
        "Deliver them to the coach twice and cut anything that is not needed.",
    },
    {
        "questioning.build-on-answers",
        LibraryArea::questioning,
        "Ask students to build on each other's answers",
        "After one student answers, ask another to agree, add to or challenge what was said, before you give your "
        "own view.",
        "At least one answer is followed by another student responding to it; students refer to what a peer said; "
        "the teacher speaks after students, not straight after the first answer.",
        "Rehearse three short exchanges with the coach answering as different students. Practise the prompt 'do you "
        "agree, and why?' and holding back your own judgement until the end.",
    },

    // Retrieval practice
    {
        "retrieval.low-stakes-quiz",
        LibraryArea::retrieval_practice,
        "Run a short, low-stakes quiz",
        "Start or end the lesson with a five-question quiz on earlier content, which students mark themselves and "
        "which is not recorded or compared.",
        "Students answer without notes; answers are checked straight away; the teacher asks which questions were "
        "hardest and briefly revisits one.",
        "Write the five questions together, checking that each asks students to recall rather than recognise. "
        "Rehearse the 30-second framing that tells students the quiz is for practice, not a test.",
    },
    {
        "retrieval.spaced-recall",
        LibraryArea::retrieval_practice,
        "Revisit older content, not just last lesson",
        "In your next retrieval task, include questions from last week, last month and last term, not only from the "
        "previous lesson.",
        "Retrieval questions cover at least three different time spans; students attempt every question from "
        "memory; the teacher notes which older topics were weakest.",
        "Look at the scheme of work together and choose one question from each time span. Rehearse how you will "
        "respond if most students cannot recall the oldest item.",
    },
    {
        "retrieval.brain-dump",
        LibraryArea::retrieval_practice,
        "Use a brain dump on a topic",
        "Give students two minutes to write down everything they can remember about a named topic without notes, "
        "then let them check their notes and add missing points in a different colour.",
        "Students write from memory for the full time; additions are made in a different colour; the teacher names "
        "one or two commonly missed points to the whole class.",
        "Rehearse the instructions for the brain dump and the switch to checking. The coach asks a clarifying "
        "question as a student, and you practise answering it in one sentence.",
    },
    {
        "retrieval.interleaving",
        LibraryArea::retrieval_practice,
        "Mix problem types in practice",
        "In your next set of practice questions, mix two or three problem types the class has already learned, so "
        "students must decide which method to use before they start.",
        "Practice questions are not grouped by type; students identify the method before solving; the teacher asks "
        "at least one student how they chose the method.",
        "Take an existing worksheet that is grouped by type and reorder it together. Rehearse the question you will "
        "ask to get students to explain how they recognised each problem type.",
    },
    {
        "retrieval.retrieval-starter",
        LibraryArea::retrieval_practice,
        "Begin with a retrieval starter",
        "Put three or four recall questions on the board before students arrive, so the first task of the lesson is "
        "answering from memory.",
        "Questions are visible as students arrive; students answer from memory without being prompted; answers are "
        "reviewed within the first five minutes.",
        "Write the starter for your next lesson and rehearse the review with the coach: going through the answers "
        "briskly, asking for a show of hands on each, and picking one to explain.",
    },
    {
        "retrieval.flashcard-self-testing",
        LibraryArea::retrieval_practice,
        "Teach students to self-test with flashcards",
        "Model how to use flashcards well: read the prompt, say or write the answer before turning over, sort cards "
        "into 'know' and 'not yet', and practise the not-yet pile again.",
        "Students attempt the answer before checking; cards are sorted into two piles; students spend most of the "
        "time on the cards they got wrong.",
        "Model the self-testing routine to the coach using three real cards from your subject. Then the coach tries "
        "it while you give one piece of precise feedback.",
    },
    {
        "retrieval.connect-ideas",
        LibraryArea::retrieval_practice,
        "Ask students to connect retrieved ideas",
        "After a retrieval task, ask students to write one sentence linking two of their answers, such as how an "
        "earlier topic helps explain today's.",
        "Students write a linking sentence from memory; the teacher shares one or two links with the class; the "
        "teacher checks the links for accuracy.",
        "Choose two topics with a clear link and write an example linking sentence together. Rehearse the prompt "
        "and how you will respond to a link that is not accurate.",
    },

    // Checking for understanding
    {
        "checking.mini-whiteboards",
        LibraryArea::checking_for_understanding,
        "Check understanding with mini whiteboards",
        "Ask a question, give students time to write on mini whiteboards, then ask everyone to show at the same "
        "moment on your signal, and scan every board before you respond.",
        "All students show their boards at the same time; the teacher looks at every board, not just the nearest; "
        "the teacher says what they saw and what happens next.",
        "Rehearse the routine of write, hide, show on three, twice with the coach holding up boards. Practise "
        "summarising what you see in one sentence, such as 'most of you have ..., so let's look at ...'.",
    },
    {
        "checking.check-all",
        LibraryArea::checking_for_understanding,
        "Get a response from every student",
        "At the key point of your explanation, ask a question that every student answers at once, using fingers, "
        "cards or a written answer, instead of asking 'does everyone understand?'.",
        "Every student gives a visible response; the check is a question about the content, not 'any questions?'; "
        "the teacher responds to what the answers show.",
        "Replace two 'does everyone understand?' moments in your next lesson with whole-class questions. Rehearse "
        "asking them and reading the coach's responses aloud.",
    },
    {
        "checking.exit-ticket",
        LibraryArea::checking_for_understanding,
        "Use an exit ticket to plan the next lesson",
        "End the lesson with one or two short questions on its key idea, then sort the answers into three piles, "
        "'got it', 'nearly' and 'not yet', to decide how to start the next lesson.",
        "Every student completes the exit ticket before leaving; the questions target the main idea of the lesson; "
        "the start of the next lesson reflects what the tickets showed.",
        "Write the exit ticket together and agree what a correct answer looks like. Sort a set of anonymised "
        "answers and plan the first five minutes of the next lesson.",
    },
    {
        "checking.purposeful-circulation",
        LibraryArea::checking_for_understanding,
        "Circulate with a purpose",
        "During independent work, walk a planned route, look first at the work of students you identified in "
        "advance, and carry a sheet to tally common errors.",
        "The teacher moves around the whole room, not only to raised hands; the teacher reads written work and "
        "notes errors; the teacher pauses the class to address an error that several students share.",
        "Sketch the seating plan and plan the route together. Rehearse looking at three pieces of work in under a "
        "minute and deciding whether to pause the class.",
    },
    {
        "checking.diagnose-misconceptions",
        LibraryArea::checking_for_understanding,
        "Plan for likely misconceptions",
        "Before the lesson, write down the two most likely misconceptions for the topic and one question that would "
        "reveal each, then ask those questions during the lesson.",
        "The teacher asks questions designed to reveal specific misconceptions; when a misconception appears, the "
        "teacher names it and addresses it with the class.",
        "List the misconceptions together and write a diagnostic question for each. The coach gives a wrong answer "
        "as a student, and you rehearse responding without simply giving the right answer.",
    },
    {
        "checking.show-call",
        LibraryArea::checking_for_understanding,
        "Show a student's work to the class",
        "Choose one piece of student work, anonymised or with the student's agreement, display it under a "
        "visualiser, and talk through what makes it strong and one thing to improve.",
        "Student work is displayed for the whole class; the teacher names specific strengths and one improvement; "
        "students then revise their own work using what was discussed.",
        "Using an anonymised piece of work, rehearse a two-minute show call with the coach: frame it positively, "
        "name one strength and one improvement, then set the revision task.",
    },
    {
        "checking.plan-exemplar-answer",
        LibraryArea::checking_for_understanding,
        "Write the answer you want before teaching",
        "For the key question in your next lesson, write out the answer you would like students to give, so you can "
        "compare their answers with it as you circulate.",
        "An exemplar answer is written before the lesson; the teacher refers to it when checking work; the teacher "
        "can name the gap between typical student answers and the exemplar.",
        "Write the exemplar together and agree the two features that matter most. The coach gives three "
        "student-style answers, and you rehearse saying what each one is missing.",
    },

    // Feedback
    {
        "feedback.whole-class-feedback",
        LibraryArea::feedback,
        "Give whole-class feedback instead of comments",
        "Read a set of books, note the common strengths and errors on one sheet, and spend ten minutes of the next "
        "lesson on the two most common errors before students improve their work.",
        "The teacher shares common strengths and errors with the class; students correct or redraft their own work "
        "in lesson time; the improvements are visible in books.",
        "Read five or six anonymised books together and fill in the feedback sheet. Rehearse the first two minutes "
        "of presenting it to the class, including one modelled correction.",
    },
    {
        "feedback.precise-praise",
        LibraryArea::feedback,
        "Make praise precise",
        "Praise what a student did rather than the student: name the specific action or choice that made the work "
        "better, such as 'you checked your answer by estimating first'.",
        "Praise names a specific action or feature of the work; general praise such as 'well done' comes with a "
        "reason; the praised action is one other students could copy.",
        "Look at three anonymised pieces of work and rehearse one precise sentence of praise for each. The coach "
        "signals whenever the praise is general, and you try again.",
    },
    {
        "feedback.act-on-feedback",
        LibraryArea::feedback,
        "Give time to act on feedback in the lesson",
        "Set aside ten minutes in the next lesson for students to act on feedback, with a clear task for each, such "
        "as redrafting a paragraph or correcting a specific question.",
        "Time for acting on feedback is protected in the lesson; each student has a clear improvement task; changes "
        "to the work are visible, for example in a different colour.",
        "Plan the improvement tasks and the instructions for the session together. Rehearse launching it in under a "
        "minute, then circulating to check that every student has started.",
    },
    {
        "feedback.marking-codes",
        LibraryArea::feedback,
        "Mark less by using codes",
        "Use a short list of codes for common next steps, write only the code in books, and have students look up "
        "their code and complete the matching task.",
        "Books carry codes rather than long comments; students know where to find what each code means; students "
        "complete the task for their code in lesson time.",
        "Together, choose four codes for the next piece of work and write the task for each. Rehearse explaining "
        "the system to the class in under two minutes.",
    },
    {
        "feedback.reteach",
        LibraryArea::feedback,
        "Re-teach when feedback shows a shared gap",
        "When marking or an exit ticket shows that many students make the same error, plan a short re-teach at the "
        "start of the next lesson, using a fresh example rather than repeating the first explanation.",
        "The re-teach targets one specific error; the teacher uses a new example or explanation; students try a "
        "similar question straight afterwards and the teacher checks the answers.",
        "Pick a common error from recent work and plan a five-minute re-teach together. Deliver it to the coach, "
        "who answers the check question as a student might.",
    },
    {
        "feedback.peer-feedback",
        LibraryArea::feedback,
        "Structure peer feedback with criteria",
        "Before students give each other feedback, give them two or three success criteria and a sentence starter, "
        "and model giving feedback on an example first.",
        "Students use the criteria when commenting; comments say where in the work a criterion is or is not met; "
        "students act on at least one comment from a peer.",
        "Model peer feedback on an anonymised example with the coach, using the criteria and sentence starter. Then "
        "swap: the coach gives feedback and you check it against the criteria.",
    },
    {
        "feedback.feedback-as-task",
        LibraryArea::feedback,
        "Give feedback as a task, not a comment",
        "Instead of writing what went wrong, set a short task that makes the student do the improving, such as "
        "'rewrite your second sentence using a connective from the board'.",
        "Feedback tells students something to do; students complete the task in lesson time; the improved work "
        "shows the change the task asked for.",
        "Turn a comment on each of three anonymised pieces of work into a task. Read each task aloud to the coach "
        "and check it could be completed in five minutes.",
    },

    // Adaptive teaching
    {
        "adaptive.fade-scaffolds",
        LibraryArea::adaptive_teaching,
        "Plan how to remove a scaffold",
        "For a scaffold you use often, such as a writing frame, plan how to reduce it over the next three lessons, "
        "for example from a full frame, to sentence starters, to a blank page.",
        "The scaffold is lighter in each lesson; students attempt the task with less support; the teacher checks "
        "that students still succeed before removing more.",
        "Write the three versions of the scaffold together. Rehearse how you will tell students that the support is "
        "being reduced because they are ready for it.",
    },
    {
        "adaptive.pre-teach-vocabulary",
        LibraryArea::adaptive_teaching,
        "Pre-teach key vocabulary",
        "Choose two or three words students need for the lesson and teach them explicitly at the start: say the "
        "word, have students say it back, and give a clear definition and an example.",
        "Key words are displayed with their definitions; students say the words aloud; students use the words in "
        "their spoken or written answers later in the lesson.",
        "Choose the words for your next lesson and rehearse introducing one to the coach in under a minute, "
        "including the choral repetition and an example sentence.",
    },
    {
        "adaptive.responsive-grouping",
        LibraryArea::adaptive_teaching,
        "Group students on today's evidence",
        "Use the responses to a hinge question or exit ticket to form a short-lived group that gets extra teaching "
        "while others move on, and change the groups each time.",
        "Groups are based on recent evidence, not fixed labels; the teacher works with the group while others work "
        "independently; group membership changes between lessons.",
        "Using sample responses, decide the groups together. Rehearse the instructions that move the class into the "
        "two activities without singling anyone out.",
    },
    {
        "adaptive.stretch-questions",
        LibraryArea::adaptive_teaching,
        "Plan stretch questions that go deeper",
        "Prepare two or three questions that go deeper into the same content, for example asking students to "
        "explain why, spot an error or apply the idea to a new case.",
        "Stretch questions are ready before the lesson; students who finish move on to them without waiting; the "
        "questions deepen the same topic rather than adding more of the same.",
        "Write the stretch questions together and check that each asks for deeper thinking rather than more volume. "
        "Rehearse how you will hand them out without interrupting the class.",
    },
    {
        "adaptive.adapt-in-the-moment",
        LibraryArea::adaptive_teaching,
        "Adapt in the moment when students are stuck",
        "When several students are stuck at the same point, stop the class, model that step again with a new "
        "example, and check understanding before they carry on.",
        "The teacher pauses the class soon after noticing a shared difficulty; the re-explanation uses a new "
        "example; students succeed on the step before continuing.",
        "The coach describes a recent moment when students got stuck. Rehearse the stop, the short re-model and the "
        "check, keeping the whole thing under three minutes.",
    },
    {
        "adaptive.working-memory",
        LibraryArea::adaptive_teaching,
        "Reduce the load on working memory",
        "Keep the task instructions written up while students work, and remove anything on the slide that is not "
        "needed, so students do not have to hold the steps in their heads.",
        "Task instructions stay visible throughout the task; slides carry only what the task needs; students look "
        "at the board rather than asking what to do.",
        "Review the slides for your next lesson together and remove anything not needed. Rehearse giving the "
        "instructions while pointing to each written step.",
    },
    {
        "adaptive.early-check-in",
        LibraryArea::adaptive_teaching,
        "Check in early with students who may need support",
        "In the first two minutes of independent work, go to the students you expect to find the task hardest, "
        "check they have started correctly, and give a prompt for the first step if needed.",
        "The teacher reaches the planned students within the first two minutes; each of them has made a correct "
        "start; the check-in is brief and discreet.",
        "Plan which students to visit first and the prompt you might give. Rehearse a 20-second check-in with the "
        "coach playing a student who has not yet started.",
    },
};

}  // namespace

LibraryEntry library_entry_of(const StarterEntry& entry) {
    LibraryEntry typed;
    typed.meta.id = RecordId::derived(entry.key);
    typed.area = entry.area;
    typed.title = entry.title;
    typed.wording = entry.wording;
    typed.success_criteria = entry.success_criteria;
    typed.practice_task = entry.practice_task;
    return typed;
}

std::span<const StarterEntry> starter_library() {
    return entries;
}

std::string_view library_area_name(LibraryArea area) {
    switch (area) {
    case LibraryArea::routines_and_behaviour:
        return "Routines and behaviour";
    case LibraryArea::explaining_and_modelling:
        return "Explaining and modelling";
    case LibraryArea::questioning:
        return "Questioning";
    case LibraryArea::retrieval_practice:
        return "Retrieval practice";
    case LibraryArea::checking_for_understanding:
        return "Checking for understanding";
    case LibraryArea::feedback:
        return "Feedback";
    case LibraryArea::adaptive_teaching:
        return "Adaptive teaching";
    }
    return "";
}

}  // namespace tandem
