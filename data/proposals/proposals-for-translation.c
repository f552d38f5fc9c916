/* proposals-for-translation.c: the bundled proposals' text, for xgettext only (never compiled).
 * Made by tools/extract-proposal-strings.py from data/proposals/*.json: do not edit. */
#define N_(s) s
static const char *texts[] = {
  /* Translators: title of “borders-1991” */
  N_("Internationally recognised borders (1991)"),
  /* Translators: short title (tabs, legends; at most 24 characters) of “borders-1991” */
  N_("1991 borders"),
  /* Translators: sponsor (who put it forward) of “borders-1991” */
  N_("UN General Assembly"),
  /* Translators: summary of “borders-1991” */
  N_("All nine regions under Ukrainian sovereignty within the internationally recognised borders: UN General Assembly resolution 68/262 concerns Crimea and Sevastopol, ES-11/4 the four regions Russia claimed to annex in 2022; Ukraine's peace formula (Nov 2022) asks for restoration of these borders."),
  /* Translators: what source “un-ga-2014-03-27” of “borders-1991” contains */
  N_("resolution 68/262"),
  /* Translators: what source “un-ga-2022-10-12” of “borders-1991” contains */
  N_("resolution ES-11/4"),
  /* Translators: what source “ukraine-2022-11” of “borders-1991” contains */
  N_("peace formula; asks for restoration of the internationally recognised borders"),
  /* Translators: note on crimea, all part, in “borders-1991” */
  N_("Under Ukrainian sovereignty within the internationally recognised borders; resolution 68/262 affirms this for Crimea and Sevastopol."),
  /* Translators: note on luhansk, all part, in “borders-1991”; note on donetsk, all part, in “borders-1991”; note on zaporizhzhia, all part, in “borders-1991”; and 1 more */
  N_("Under Ukrainian sovereignty within the internationally recognised borders; resolution ES-11/4 rejects the 2022 annexation of this region."),
  /* Translators: note on other, all part, in “borders-1991” */
  N_("Under Ukrainian sovereignty within the internationally recognised borders."),
  /* Translators: title of “eu-ua-2025-04” */
  N_("European–Ukrainian counter-proposal (April 2025)"),
  /* Translators: short title (tabs, legends; at most 24 characters) of “eu-ua-2025-04” */
  N_("European–Ukrainian"),
  /* Translators: sponsor (who put it forward) of “eu-ua-2025-04” */
  N_("Europe and Ukraine"),
  /* Translators: summary of “eu-ua-2025-04” */
  N_("Counter-proposal presented in London on 23 Apr 2025. Territory is discussed only after a full, unconditional ceasefire, starting from the line of actual control, with no recognition of Russian sovereignty."),
  /* Translators: what source “reuters-2025-04-25” of “eu-ua-2025-04” contains; what source “kyiv-independent-2025-04-25” of “eu-ua-2025-04” contains */
  N_("counter-proposal reported"),
  /* Translators: note on crimea, all part, in “eu-ua-2025-04”; note on luhansk, all part, in “eu-ua-2025-04”; note on donetsk, all part, in “eu-ua-2025-04”; and 1 more */
  N_("Discussed only after a full, unconditional ceasefire, starting from the line of actual control; no recognition of Russian sovereignty."),
  /* Translators: note on zaporizhzhia, all part, in “eu-ua-2025-04” */
  N_("Discussed only after a full, unconditional ceasefire, starting from the line of actual control; no recognition of Russian sovereignty. Ukraine to regain the nuclear plant."),
  /* Translators: note on kharkiv, all part, in “eu-ua-2025-04” */
  N_("The reports name only the Kinburn Spit outside the five regions; Kharkiv oblast is not mentioned."),
  /* Translators: note on sumy, all part, in “eu-ua-2025-04” */
  N_("The reports name only the Kinburn Spit outside the five regions; Sumy oblast is not mentioned."),
  /* Translators: note on dnipropetrovsk, all part, in “eu-ua-2025-04” */
  N_("The reports name only the Kinburn Spit outside the five regions; Dnipropetrovsk oblast is not mentioned."),
  /* Translators: note on mykolaiv, russian-held part, in “eu-ua-2025-04” */
  N_("Ukraine to regain the Kinburn Spit."),
  /* Translators: note on mykolaiv, ukrainian-held part, in “eu-ua-2025-04”; note on kharkiv, ukrainian-held part, in “framework-20-point-2025-12”; note on sumy, ukrainian-held part, in “framework-20-point-2025-12”; and 11 more */
  N_("The reports do not mention the Ukrainian-held part of this oblast."),
  /* Translators: a term of “eu-ua-2025-04” not about territory */
  N_("Full, unconditional ceasefire before territory is discussed"),
  /* Translators: a term of “eu-ua-2025-04” not about territory */
  N_("Ukraine to regain the Zaporizhzhia nuclear plant and the Kakhovka dam"),
  /* Translators: a term of “eu-ua-2025-04” not about territory */
  N_("Dnipro passage"),
  /* Translators: title of “framework-20-point-2025-12” */
  N_("20-point framework (point 14)"),
  /* Translators: short title (tabs, legends; at most 24 characters) of “framework-20-point-2025-12” */
  N_("20-point framework"),
  /* Translators: sponsor (who put it forward) of “framework-20-point-2025-12”; sponsor (who put it forward) of “geneva-19-point-2025-11” */
  N_("United States and Ukraine"),
  /* Translators: summary of “framework-20-point-2025-12” */
  N_("US–Ukrainian framework presented by President Zelensky on 23–24 Dec 2025. Point 14 recognises the line of troop deployment on the day of signing in Luhansk, Donetsk, Zaporizhzhia and Kherson de facto as the line of contact; a US-proposed zone in Ukrainian-held Donetsk was not agreed. Russia withdraws from Dnipropetrovsk, Mykolaiv, Sumy and Kharkiv oblasts, and the Kinburn Spit is demilitarised."),
  /* Translators: what source “afp-2025-12-23” of “framework-20-point-2025-12” contains; what source “reuters-2025-12-23” of “framework-20-point-2025-12” contains */
  N_("framework presented by President Zelensky as a US–Ukrainian framework, reported 23–24 Dec 2025"),
  /* Translators: note on crimea, all part, in “framework-20-point-2025-12” */
  N_("Not addressed in detail; shown as open."),
  /* Translators: note on luhansk, all part, in “framework-20-point-2025-12”; note on donetsk, russian-held part, in “framework-20-point-2025-12”; note on kherson, all part, in “framework-20-point-2025-12” */
  N_("The line of troop deployment on the day of signing is recognised de facto as the line of contact."),
  /* Translators: note on donetsk, ukrainian-held part, in “framework-20-point-2025-12” */
  N_("A \"free economic zone\" or DMZ proposed by the US was not agreed; Ukraine says it would need a referendum. Shown as open."),
  /* Translators: note on zaporizhzhia, all part, in “framework-20-point-2025-12” */
  N_("The line of troop deployment on the day of signing is recognised de facto as the line of contact. Nuclear plant management unresolved; Enerhodar proposed as a DMZ."),
  /* Translators: note on kharkiv, russian-held part, in “framework-20-point-2025-12” */
  N_("Russia withdraws from Kharkiv oblast."),
  /* Translators: note on sumy, russian-held part, in “framework-20-point-2025-12” */
  N_("Russia withdraws from Sumy oblast."),
  /* Translators: note on dnipropetrovsk, russian-held part, in “framework-20-point-2025-12” */
  N_("Russia withdraws from Dnipropetrovsk oblast."),
  /* Translators: note on mykolaiv, russian-held part, in “framework-20-point-2025-12” */
  N_("Russia withdraws from Mykolaiv oblast; the Kinburn Spit is demilitarised. Who would administer it is not stated."),
  /* Translators: a term of “framework-20-point-2025-12” not about territory */
  N_("Zaporizhzhia nuclear plant management unresolved; Enerhodar proposed as a DMZ"),
  /* Translators: title of “geneva-19-point-2025-11” */
  N_("Geneva 19-point draft (November 2025)"),
  /* Translators: short title (tabs, legends; at most 24 characters) of “geneva-19-point-2025-11” */
  N_("Geneva 19-point draft"),
  /* Translators: summary of “geneva-19-point-2025-11” */
  N_("US–Ukrainian revision of the 28-point plan (Geneva, 23–24 Nov 2025) whose territorial text was left to the two presidents and not published; reports conflict on whether the Donetsk withdrawal and the recognition survived. Talks with Putin in Moscow on 2 Dec 2025 brought no agreement on territory."),
  /* Translators: what source “financial-times-2025-11-24” of “geneva-19-point-2025-11” contains; what source “politico-2025-11-24” of “geneva-19-point-2025-11” contains; what source “telegraph-2025-11-24” of “geneva-19-point-2025-11” contains */
  N_("reported 24–25 Nov 2025"),
  /* Translators: what source “unherd-2025-12-03” of “geneva-19-point-2025-11” contains */
  N_("the later talks with Putin in Moscow on 2 Dec 2025 brought no agreement on territory; not about the Geneva text itself"),
  /* Translators: note on crimea, all part, in “geneva-19-point-2025-11”; note on luhansk, russian-held part, in “geneva-19-point-2025-11”; note on luhansk, ukrainian-held part, in “geneva-19-point-2025-11”; and 1 more */
  N_("Territorial text left to the two presidents, not published; the 28-point status is shown as reported earlier. Reports conflict on whether the recognition survived."),
  /* Translators: note on donetsk, ukrainian-held part, in “geneva-19-point-2025-11” */
  N_("Territorial text not published; the 28-point status is shown as reported earlier. Reports conflict on whether the withdrawal survived; Moscow talks (2 Dec) brought no agreement on territory."),
  /* Translators: note on zaporizhzhia, russian-held part, in “geneva-19-point-2025-11”; note on zaporizhzhia, ukrainian-held part, in “geneva-19-point-2025-11”; note on kherson, russian-held part, in “geneva-19-point-2025-11”; and 3 more */
  N_("Territorial text left to the two presidents, not published; the 28-point status is shown as reported earlier."),
  /* Translators: title of “line-of-contact” */
  N_("Line of contact (status quo)"),
  /* Translators: short title (tabs, legends; at most 24 characters) of “line-of-contact” */
  N_("Line of contact"),
  /* Translators: sponsor (who put it forward) of “line-of-contact” */
  N_("Status quo"),
  /* Translators: summary of “line-of-contact” */
  N_("The ceasefire-in-place line: every Russian-held part de facto Russian, every Ukrainian-held part stays Ukrainian. The parts follow the control-area dataset and date in use."),
  /* Translators: what source “demarcate-control-data” of “line-of-contact” contains */
  N_("the Russian-held area at the chosen control date"),
  /* Translators: note on crimea, russian-held part, in “line-of-contact”; note on luhansk, russian-held part, in “line-of-contact”; note on donetsk, russian-held part, in “line-of-contact”; and 3 more */
  N_("Russian control in fact, without legal recognition."),
  /* Translators: note on crimea, ukrainian-held part, in “line-of-contact”; note on luhansk, ukrainian-held part, in “line-of-contact”; note on donetsk, ukrainian-held part, in “line-of-contact”; and 7 more */
  N_("Stays under Ukrainian sovereignty and control."),
  /* Translators: title of “ru-anchorage-2025-08” */
  N_("Russian position at the Anchorage summit (reported)"),
  /* Translators: short title (tabs, legends; at most 24 characters) of “ru-anchorage-2025-08” */
  N_("Anchorage (reported)"),
  /* Translators: sponsor (who put it forward) of “ru-anchorage-2025-08”; sponsor (who put it forward) of “ru-memorandum-2025-06” */
  N_("Russia"),
  /* Translators: summary of “ru-anchorage-2025-08” */
  N_("Russian position reported after the Anchorage summit of 15 Aug 2025; not published. Ukraine would leave the rest of Donbas, the lines in Zaporizhzhia and Kherson would be frozen, and recognition of Crimea as Russian is asked."),
  /* Translators: what source “financial-times-2025-08-16” of “ru-anchorage-2025-08” contains; what source “reuters-2025-08-16” of “ru-anchorage-2025-08” contains */
  N_("reported position, 16–18 Aug 2025"),
  /* Translators: note on crimea, all part, in “ru-anchorage-2025-08” */
  N_("Reported position: recognition as Russian de jure is asked; by whom is not stated."),
  /* Translators: note on luhansk, all part, in “ru-anchorage-2025-08”; note on donetsk, all part, in “ru-anchorage-2025-08” */
  N_("Reported position: Ukraine leaves the rest of Donbas and the region passes to Russia."),
  /* Translators: note on zaporizhzhia, all part, in “ru-anchorage-2025-08”; note on kherson, all part, in “ru-anchorage-2025-08” */
  N_("Reported position: frozen at the line of contact; each side keeps the part it holds."),
  /* Translators: note on kharkiv, russian-held part, in “ru-anchorage-2025-08” */
  N_("Reported position: Russia would give up its small pockets in Kharkiv oblast."),
  /* Translators: note on sumy, russian-held part, in “ru-anchorage-2025-08” */
  N_("Reported position: Russia would give up its small pockets in Sumy oblast."),
  /* Translators: note on dnipropetrovsk, russian-held part, in “ru-anchorage-2025-08” */
  N_("Reported position: Russia would give up its small pockets in Dnipropetrovsk oblast."),
  /* Translators: note on mykolaiv, all part, in “ru-anchorage-2025-08” */
  N_("Reported position: Mykolaiv oblast and the Kinburn Spit are not mentioned."),
  /* Translators: title of “ru-memorandum-2025-06” */
  N_("Russian memorandum, Istanbul (June 2025)"),
  /* Translators: short title (tabs, legends; at most 24 characters) of “ru-memorandum-2025-06” */
  N_("Russian memorandum"),
  /* Translators: summary of “ru-memorandum-2025-06” */
  N_("Memorandum handed over at the second Istanbul round on 2 Jun 2025. It asks for international legal recognition of Crimea, Luhansk, Donetsk, Zaporizhzhia and Kherson as Russian and full withdrawal of Ukrainian forces from their administrative borders."),
  /* Translators: what source “tass-2025-06-02” of “ru-memorandum-2025-06” contains; what source “reuters-2025-06-02” of “ru-memorandum-2025-06” contains */
  N_("memorandum terms reported"),
  /* Translators: note on crimea, all part, in “ru-memorandum-2025-06” */
  N_("International legal recognition as Russian is asked."),
  /* Translators: note on luhansk, russian-held part, in “ru-memorandum-2025-06”; note on donetsk, russian-held part, in “ru-memorandum-2025-06”; note on zaporizhzhia, russian-held part, in “ru-memorandum-2025-06”; and 1 more */
  N_("International legal recognition of the whole region as Russian is asked."),
  /* Translators: note on luhansk, ukrainian-held part, in “ru-memorandum-2025-06”; note on donetsk, ukrainian-held part, in “ru-memorandum-2025-06”; note on zaporizhzhia, ukrainian-held part, in “ru-memorandum-2025-06”; and 1 more */
  N_("Full withdrawal of Ukrainian forces from within the region's administrative borders; international legal recognition as Russian is asked for the whole region."),
  /* Translators: note on other, all part, in “ru-memorandum-2025-06” */
  N_("The memorandum's terms as reported are silent on Kharkiv, Sumy, Dnipropetrovsk and Mykolaiv oblasts."),
  /* Translators: title of “us-28-point-2025-11” */
  N_("US 28-point plan (point 21)"),
  /* Translators: short title (tabs, legends; at most 24 characters) of “us-28-point-2025-11” */
  N_("28-point plan"),
  /* Translators: sponsor (who put it forward) of “us-28-point-2025-11”; sponsor (who put it forward) of “us-framework-2025-04”; sponsor (who put it forward) of “us-revised-2025-12” */
  N_("United States"),
  /* Translators: summary of “us-28-point-2025-11” */
  N_("Plan drafted by Witkoff with Kirill Dmitriev; its text was reported by Axios on 20 Nov 2025. Point 21 sets the territorial terms; point 22 says neither side changes these arrangements by force."),
  /* Translators: what source “axios-2025-11-20” of “us-28-point-2025-11” contains */
  N_("text of the 28 points reported"),
  /* Translators: what source “reuters-2025-11-21” of “us-28-point-2025-11” contains */
  N_("reported 21–24 Nov 2025"),
  /* Translators: note on crimea, all part, in “us-28-point-2025-11” */
  N_("Russian control accepted de facto, \"including by the United States\"."),
  /* Translators: note on luhansk, russian-held part, in “us-28-point-2025-11”; note on donetsk, russian-held part, in “us-28-point-2025-11” */
  N_("Russian control accepted de facto."),
  /* Translators: note on luhansk, ukrainian-held part, in “us-28-point-2025-11” */
  N_("De facto Russian like the rest of the region; practically no Ukrainian-held part is left."),
  /* Translators: note on donetsk, ukrainian-held part, in “us-28-point-2025-11” */
  N_("Ukraine withdraws; neutral demilitarised buffer zone \"internationally recognised as Russian\"; Russian forces do not enter."),
  /* Translators: note on zaporizhzhia, russian-held part, in “us-28-point-2025-11”; note on kherson, russian-held part, in “us-28-point-2025-11” */
  N_("Frozen at the line of contact; the Russian-held part is de facto Russian."),
  /* Translators: note on zaporizhzhia, ukrainian-held part, in “us-28-point-2025-11”; note on kherson, ukrainian-held part, in “us-28-point-2025-11” */
  N_("Frozen at the line of contact; the Ukrainian-held part stays Ukrainian."),
  /* Translators: note on other, russian-held part, in “us-28-point-2025-11” */
  N_("Point 21: Russia relinquishes the \"agreed\" territories it holds outside the five regions; which ones are agreed is not stated."),
  /* Translators: a term of “us-28-point-2025-11” not about territory */
  N_("Point 22: neither side changes these arrangements by force"),
  /* Translators: a term of “us-28-point-2025-11” not about territory */
  N_("Ukrainian forces capped at 600,000"),
  /* Translators: a term of “us-28-point-2025-11” not about territory; a term of “us-framework-2025-04” not about territory */
  N_("No NATO membership"),
  /* Translators: a term of “us-28-point-2025-11” not about territory */
  N_("Zaporizhzhia nuclear plant under IAEA supervision, power split 50/50"),
  /* Translators: title of “us-framework-2025-04” */
  N_("US \"final offer\" framework (April 2025)"),
  /* Translators: short title (tabs, legends; at most 24 characters) of “us-framework-2025-04” */
  N_("US framework (April)"),
  /* Translators: summary of “us-framework-2025-04” */
  N_("Framework handed to Ukraine in Paris on 17 Apr 2025; its text was reported by Reuters and Axios on 25 Apr 2025. Crimea is recognised by the United States as Russian de jure; elsewhere the Russian-held parts are Russian de facto and the Ukrainian-held parts stay Ukrainian."),
  /* Translators: what source “reuters-2025-04-25” of “us-framework-2025-04” contains */
  N_("text of the framework reported"),
  /* Translators: what source “axios-2025-04-22” of “us-framework-2025-04” contains */
  N_("text reported, 22–25 Apr 2025"),
  /* Translators: note on crimea, all part, in “us-framework-2025-04” */
  N_("Recognised as Russian de jure by the United States."),
  /* Translators: note on luhansk, russian-held part, in “us-framework-2025-04”; note on donetsk, russian-held part, in “us-framework-2025-04”; note on kherson, russian-held part, in “us-framework-2025-04” */
  N_("Russian control accepted de facto, without legal recognition."),
  /* Translators: note on zaporizhzhia, russian-held part, in “us-framework-2025-04” */
  N_("Russian control accepted de facto, without legal recognition. The nuclear plant is counted as Ukrainian territory but operated by the US, power shared."),
  /* Translators: note on kharkiv, russian-held part, in “us-framework-2025-04” */
  N_("Russian-held Kharkiv oblast is returned to Ukraine."),
  /* Translators: note on sumy, all part, in “us-framework-2025-04” */
  N_("The reported text names Kharkiv oblast and the Kinburn Spit only; Sumy oblast is not mentioned."),
  /* Translators: note on dnipropetrovsk, all part, in “us-framework-2025-04” */
  N_("The reported text names Kharkiv oblast and the Kinburn Spit only; Dnipropetrovsk oblast is not mentioned."),
  /* Translators: note on mykolaiv, russian-held part, in “us-framework-2025-04” */
  N_("The Kinburn Spit is returned to Ukraine."),
  /* Translators: a term of “us-framework-2025-04” not about territory */
  N_("Sanctions relief"),
  /* Translators: a term of “us-framework-2025-04” not about territory */
  N_("Unimpeded passage on the Dnipro"),
  /* Translators: a term of “us-framework-2025-04” not about territory */
  N_("Zaporizhzhia nuclear plant counted as Ukrainian territory, operated by the US, power shared"),
  /* Translators: title of “us-revised-2025-12” */
  N_("US revised package (December 2025, leaked)"),
  /* Translators: short title (tabs, legends; at most 24 characters) of “us-revised-2025-12” */
  N_("US revised package"),
  /* Translators: summary of “us-revised-2025-12” */
  N_("Leaked revised US package reported by ZN.ua and the Financial Times on 11 Dec 2025. Russian control of Crimea, Luhansk and Russian-held Donetsk is confirmed; Ukrainian-held Donetsk becomes a demilitarised zone; the lines in Zaporizhzhia and Kherson are frozen."),
  /* Translators: what source “zn-ua-2025-12-11” of “us-revised-2025-12” contains; what source “financial-times-2025-12-11” of “us-revised-2025-12” contains */
  N_("leaked package reported"),
  /* Translators: note on crimea, all part, in “us-revised-2025-12”; note on luhansk, all part, in “us-revised-2025-12”; note on donetsk, russian-held part, in “us-revised-2025-12” */
  N_("Russian control confirmed; status changeable only by diplomacy."),
  /* xgettext:no-c-format */
  /* Translators: note on donetsk, ukrainian-held part, in “us-revised-2025-12” */
  N_("About 30% of the oblast; demilitarised zone closed to both sides' forces. Who administers or owns it is not stated in the reports."),
  /* Translators: note on zaporizhzhia, all part, in “us-revised-2025-12”; note on kherson, all part, in “us-revised-2025-12” */
  N_("Frozen at the line of contact; each side keeps the part it holds."),
  /* Translators: note on kharkiv, russian-held part, in “us-revised-2025-12” */
  N_("Russia leaves Kharkiv oblast."),
  /* Translators: note on sumy, russian-held part, in “us-revised-2025-12” */
  N_("Russia leaves Sumy oblast."),
  /* Translators: note on dnipropetrovsk, russian-held part, in “us-revised-2025-12” */
  N_("Russia leaves Dnipropetrovsk oblast."),
  /* Translators: note on mykolaiv, all part, in “us-revised-2025-12” */
  N_("Mykolaiv oblast and the Kinburn Spit are not mentioned in the reports."),
  /* Translators: title of “witkoff-recommendation-2025-04” */
  N_("Witkoff's reported recommendation (April 2025)"),
  /* Translators: short title (tabs, legends; at most 24 characters) of “witkoff-recommendation-2025-04” */
  N_("Witkoff recommendation"),
  /* Translators: sponsor (who put it forward) of “witkoff-recommendation-2025-04” */
  N_("United States (Witkoff)"),
  /* Translators: summary of “witkoff-recommendation-2025-04” */
  N_("After meeting Putin on 11 Apr 2025, Witkoff was reported to favour Russian \"ownership\" of Crimea, Luhansk, Donetsk, Zaporizhzhia and Kherson. The reports do not say whether the Ukrainian-held parts of these regions would be handed over."),
  /* Translators: what source “brookings-2025-04” of “witkoff-recommendation-2025-04” contains */
  N_("commentary, late April 2025: \"Witkoff reportedly recommended a plan that would entail Russia taking ownership of the five territories\""),
  /* Translators: what source “reuters-2025-04” of “witkoff-recommendation-2025-04” contains */
  N_("report, April 2025"),
  /* Translators: note on crimea, all part, in “witkoff-recommendation-2025-04”; note on luhansk, russian-held part, in “witkoff-recommendation-2025-04”; note on donetsk, russian-held part, in “witkoff-recommendation-2025-04”; and 2 more */
  N_("Reported: Witkoff favoured Russian \"ownership\" of what reports of his recommendation call the \"so-called five territories\", this region included; who would recognise it is not stated."),
  /* Translators: note on luhansk, ukrainian-held part, in “witkoff-recommendation-2025-04” */
  N_("Reports do not say whether the Ukrainian-held part would be handed over; shown as withdraw with unclear certainty."),
  /* Translators: note on donetsk, ukrainian-held part, in “witkoff-recommendation-2025-04” */
  N_("Reports do not say whether the large Ukrainian-held part would be handed over; shown as withdraw with unclear certainty."),
  /* Translators: note on zaporizhzhia, ukrainian-held part, in “witkoff-recommendation-2025-04” */
  N_("Reports do not say whether the large Ukrainian-held part, including the city of Zaporizhzhia, would be handed over; shown as withdraw with unclear certainty."),
  /* Translators: note on kherson, ukrainian-held part, in “witkoff-recommendation-2025-04” */
  N_("Reports do not say whether the large Ukrainian-held part, including the right-bank city of Kherson, would be handed over; shown as withdraw with unclear certainty."),
  /* Translators: note on other, all part, in “witkoff-recommendation-2025-04” */
  N_("The reports are silent on Kharkiv, Sumy, Dnipropetrovsk and Mykolaiv oblasts."),
};
