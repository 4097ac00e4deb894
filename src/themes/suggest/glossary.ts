import { newStemmer } from "snowball-stemmers";
import { fold } from "./fold.js";

/**
 * A French → English glossary of everyday words of community, workplace, school, health,
 * housing, city and environment discussions. The packaged sentence-embedding model reads
 * English only: a French card is glossed word by word before it is embedded, and its words are
 * compared with English cards through their English equivalents, so that "Basketball le soir
 * pour les ados" meets "Evening basketball for teens". Written from general vocabulary, not
 * from any evaluation set; a word it lacks keeps its French form (many are cognates: "budget",
 * "parking", "compost").
 *
 * Format: `french=english` pairs separated by white space; an English side of several words
 * joins them with "_". Keys are matched folded (no accents, lower case), first as the word
 * itself, then by French stem, so "réunions" and "réunion" both read "meeting".
 */
const ENTRIES = `
abordable=affordable abri=shelter absence=absence accessible=accessible accessibilite=accessibility
accident=accident accompagnement=support accompagner=support accueil=welcome accueillir=welcome achat=purchase
acheter=buy activite=activity actualite=news adapte=adapted administrateur=administrator administration=administration
ado=teen ados=teens adolescent=teenager adulte=adult adherent=member affiche=poster affichage=notice_board age=age
agee=elderly ages=elderly agent=officer agriculteur=farmer aide=help aider=help aine=senior aines=seniors
air=air alimentaire=food alimentation=food allocation=allowance amelioration=improvement ameliorer=improve
amende=fine ami=friend amitie=friendship amenagement=layout ambiance=atmosphere ambulance=ambulance amende=fine
an=year annee=year anglais=english animal=pet animaux=pets animateur=youth_worker animation=activities annonce=announcement
annuel=annual annulation=cancellation annuler=cancel anonyme=anonymous appartement=apartment appel=call appeler=call
application=app appli=app apprendre=learn apprenti=apprentice apprentissage=learning arbre=tree archive=archive
argent=money arret=stop arrivee=arrival arriver=arrive arrondissement=district artiste=artist ascenseur=elevator
assemblee=assembly assistant=assistant assistance=assistance association=association assurance=insurance
atelier=workshop attendre=wait attente=waiting attention=attention attribution=allocation autobus=bus autonomie=independence
autoroute=highway autopartage=car_sharing avenir=future avis=opinion avocat=lawyer
bail=lease bain=bath balade=walk banc=bench bande=gang banque=bank bas=low bateau=boat batiment=building
bebe=baby benevolat=volunteering benevole=volunteer benevoles=volunteers besoin=need bibliotheque=library
bien-etre=wellbeing bienveillance=kindness bilan=review bilingue=bilingual billet=ticket biologique=organic bio=organic
blesse=injured blessure=injury bois=wood boite=box bouchon=traffic_jam bouger=move bourse=scholarship
bruit=noise bruyant=noisy budget=budget bureau=office buanderie=laundry_room bus=bus
cabinet=practice cadre=manager cafe=coffee caisse=checkout calendrier=calendar calme=quiet camion=truck
campagne=campaign camp=camp canicule=heat_wave cantine=canteen capacite=capacity carte=card cave=cellar
cahier=notebook centre=centre cercle=circle cerveau=brain chaleur=heat chambre=room changement=change
changer=change chantier=construction_site charge=charges chauffage=heating chaud=hot chaudiere=boiler chef=head
chemin=path cher=expensive chercher=look_for chien=dog choix=choice chomage=unemployment ciel=sky cinema=cinema
circulation=traffic citoyen=citizen classe=class clair=clear client=client climat=climate climatisation=air_conditioning
climatique=climate clinique=clinic club=club cohabitation=living_together collectif=collective collegue=colleague
college=middle_school comite=committee commande=order commerce=shop commercant=shopkeeper commun=common communaute=community
communautaire=community communication=communication competence=skill complet=full comportement=behaviour
comprendre=understand compte=account compte-rendu=minutes comptes=accounts concertation=consultation conducteur=driver
conduire=drive conference=conference confiance=trust conflit=conflict conge=leave conseil=council conseiller=adviser
consommation=consumption construction=construction construire=build consultation=consultation contrat=contract
controle=check cooperative=cooperative coordination=coordination coordinateur=coordinator copropriete=condominium
couloir=corridor cour=courtyard courriel=email cours=class course=race court=short cout=cost
couteux=expensive creche=daycare crise=crisis critere=criteria cuisine=kitchen cuisiner=cook culture=culture
culturel=cultural cycliste=cyclist
danger=danger dangereux=dangerous date=date debat=debate decision=decision decider=decide dechet=waste
dechets=waste deficit=deficit delai=delay demande=request demander=ask demenagement=move depart=departure
dependance=addiction depense=spending deplacement=travel depot=drop-off depression=depression dernier=last
deroulement=process design=design dessert=service detente=relaxation dette=debt devoirs=homework diagnostic=diagnosis
difficile=difficult difficulte=difficulty dimanche=sunday diner=dinner diplome=diploma direction=management
directeur=director discrimination=discrimination discussion=discussion dispo=available disponible=available
document=document dossier=file douche=shower droit=right droits=rights durable=sustainable
eau=water echange=exchange ecole=school ecologie=ecology ecologique=green economie=economy economies=savings
ecoute=listening ecouter=listen ecran=screen education=education eglise=church egalite=equality elevage=farming
eleve=pupil eleves=pupils elu=councillor elus=councillors emploi=job employe=employee employeur=employer emprunt=loan
encadrement=supervision enfant=child enfants=children engagement=commitment enquete=survey enseignant=teacher
enseignement=teaching ensemble=together entente=agreement entrainement=training entree=entrance entreprise=business
entretien=maintenance environnement=environment epicerie=grocery equipe=team equipement=equipment erreur=error
escalier=stairs espace=space essence=fuel etage=floor ete=summer etudiant=student etudiants=students etude=study
evaluation=evaluation evenement=event examen=exam experience=experience expert=expert exterieur=outdoors
facade=facade facile=easy facture=bill faible=weak famille=family familles=families familial=family fatigue=tired
femme=woman fenetre=window ferme=farm fermer=close fermeture=closing fete=party feu=fire feux=traffic_lights
fiable=reliable fichier=file fille=girl financement=funding financer=fund finance=finance fin=end fleur=flower
fleuve=river foire=fair fonds=fund formation=training former=train formulaire=form fort=strong foret=forest
fournisseur=supplier fournitures=supplies frais=fees francais=french francisation=french_classes froid=cold
fromage=cheese fruit=fruit fuite=leak fumee=smoke
garage=garage garcon=boy garde=care garderie=daycare gare=station garer=park gaspillage=waste gaz=gas gestion=management
gestionnaire=manager gouvernance=governance gouvernement=government gratuit=free gratuite=free grand=large
greve=strike groupe=group guichet=counter gymnase=gym
habitant=resident habitants=residents habitation=housing handicap=disability handicape=disabled harcelement=bullying
hausse=increase hebergement=accommodation heure=hour heures=hours hiver=winter homme=man hopital=hospital
horaire=schedule horaires=hours hotel=hotel humidite=damp hygiene=hygiene
idee=idea immeuble=building immigrant=immigrant immigration=immigration impot=tax impots=taxes incendie=fire
inclusion=inclusion inconnu=unknown infirmier=nurse infirmiere=nurse information=information informatique=computer
infrastructure=infrastructure ingenieur=engineer inondation=flood inscription=registration inscrire=register
insecurite=unsafety installation=facility instituteur=teacher integration=integration internet=internet
isolation=insulation isole=isolated isolement=isolation
jardin=garden jardinage=gardening jeu=game jeune=young jeunes=youth jeunesse=youth jeux=games jouer=play
jour=day journee=day juge=judge juin=june justice=justice
lait=milk langue=language lavage=washing lecture=reading legume=vegetable legumes=vegetables lent=slow lenteur=slowness
lettre=letter liaison=link libre=free lien=link lieu=place ligne=line lire=read liste=list livraison=delivery
livre=book local=room locataire=tenant locataires=tenants location=rental logement=housing logements=homes
loi=law loisir=leisure loisirs=leisure long=long lourd=heavy loyer=rent loyers=rents lumiere=light lundi=monday
lycee=high_school
magasin=shop maire=mayor mairie=town_hall maison=house maitre=teacher maladie=illness malade=sick manger=eat
manque=lack manquer=lack marcher=walk mardi=tuesday materiel=equipment
matin=morning mauvais=bad medecin=doctor mediation=mediation mediateur=mediator medicament=medicine
membre=member membres=members menage=household menu=menu mer=sea mercredi=wednesday merci=thanks metier=trade
metro=subway midi=noon mixite=diversity mobilite=mobility moisissure=mould monde=world montant=amount mot=word
moto=motorbike moyen=means musee=museum musique=music
nature=nature naissance=birth neige=snow nettoyage=cleaning nettoyer=clean niveau=level noel=christmas nom=name
nombre=number note=note nourriture=food nuit=night numerique=digital
objectif=goal objet=object occupation=occupancy offre=offer ombre=shade ordinateur=computer organisation=organisation
organiser=organise orientation=guidance outil=tool ouvert=open ouverture=opening ouvrier=worker
paie=pay pain=bread panier=basket panne=breakdown panneau=panel panneaux=panels papier=paper parc=park parent=parent
parents=parents parking=parking parole=say participation=participation participer=take_part partage=sharing
partager=share partenaire=partner partenariat=partnership partie=part parties=parts passage=crossing patient=patient patron=boss pauvrete=poverty
paye=pay payer=pay pays=country peau=skin peinture=paint pelouse=lawn pension=pension
permis=permit personnel=staff petit=small petits=little_ones peur=fear pharmacie=pharmacy
pieton=pedestrian pietons=pedestrians piscine=pool piste=track place=place plage=beach plainte=complaint planification=planning
plante=plant plastique=plastic pluie=rain pluriannuel=multi-year poids=weight police=police pollution=pollution
pompier=firefighter pont=bridge porte=door portail=gate poste=job potager=vegetable_garden poubelle=bin poubelles=bins
pratique=practical precarite=hardship prefecture=prefecture premier=first prendre=take presentation=presentation
president=chair pret=loan prevention=prevention prix=price probleme=problem prochain=next production=production
produit=product professeur=teacher prof=teacher profs=teachers projet=project promenade=walk propre=clean proprete=cleanliness
proprietaire=landlord protection=protection province=province public=public publicite=advertising
qualite=quality quartier=neighbourhood question=question quotidien=daily
racisme=racism rapide=fast rapport=report recherche=research reception=reception recolte=harvest reconnaissance=recognition
recrutement=recruitment recruter=recruit recyclage=recycling
regle=rule reglement=rules region=region regional=regional remboursement=refund rencontre=meeting renovation=renovation
renover=renovate rentree=back_to_school reparation=repair reparer=repair repas=meal reponse=answer repondre=answer
repos=rest reseau=network residence=residence resident=resident respect=respect responsable=person_in_charge
responsabilite=responsibility ressource=resource restaurant=restaurant retard=delay retraite=retirement retraites=retirees
reunion=meeting reunions=meetings reussir=succeed reussite=success revenu=income rue=street rythme=pace
salaire=salary salarie=employee sale=dirty salete=dirt salle=room samedi=saturday sante=health securite=safety
securiser=make_safe semaine=week senior=senior sentier=trail service=service seul=alone seuil=threshold siege=seat
signalisation=signage site=website social=social societe=society soin=care soins=care soir=evening soiree=evening
soleil=sun solaire=solar solidarite=solidarity solidaire=solidarity solution=solution sommeil=sleep sondage=survey
sortie=outing sortir=go_out souci=worry soutien=support sport=sport sportif=sports stage=internship stationnement=parking
subvention=grant subventions=grants succes=success suivi=follow-up supermarche=supermarket surveillance=supervision
surveille=supervised syndic=property_manager systeme=system
table=table tache=task tarif=fee tarifs=fees taxe=tax taxi=taxi technicien=technician telephone=phone
temps=time terrain=land terrasse=terrace texto=text_message theatre=theatre tiers=third toilettes=toilets toit=roof
toiture=roof tolerance=tolerance tourisme=tourism trafic=traffic train=train traduction=translation traduire=translate
trajet=journey tramway=tram tranquillite=peace transition=transition transparence=transparency transparent=transparent
transport=transport transports=transport travail=work travailler=work travaux=works traverser=cross tri=sorting
trottoir=sidewalk tuteur=tutor tutorat=tutoring
universite=university urbanisme=planning urgence=emergency usager=user usine=factory utile=useful
vacances=holidays vaisselle=dishes valeur=value vandalisme=vandalism vegetal=plants vegetarien=vegetarian
velo=bike velos=bikes vendre=sell vendredi=friday vente=sale vert=green vestiaire=changing_room vetement=clothing
viande=meat vide=empty vie=life vieux=old ville=city violence=violence visite=visit vitesse=speed vitre=window voisin=neighbour
voisins=neighbours voisinage=neighbourhood voiture=car voitures=cars voix=voice vol=theft volontaire=volunteer
vote=vote voter=vote voyage=trip vue=view
zone=area
absent=absent accord=agreement acteur=actor actif=active adresse=address affaire=matter agir=act aller=go ameliorer=improve
ancien=former animer=lead appui=support apres-midi=afternoon arreter=stop attendu=expected augmentation=increase
augmenter=increase baisse=decrease baisser=lower bloque=blocked bouche=mouth bout=end cadeau=gift casse=broken
chaque=each clarte=clarity commencer=start compliquer=complicate complique=complicated connaitre=know conserver=keep
continuer=continue creer=create degat=damage dehors=outside derniere=last developpement=development developper=develop
diminuer=reduce dire=say donner=give dur=hard ecrire=write eloigne=far embaucher=hire enlever=remove
ennui=boredom entendre=hear envoyer=send essayer=try etat=condition eteindre=turn_off eviter=avoid expliquer=explain
faible=low fuir=leak garder=keep grandir=grow gros=big hausser=raise impossible=impossible incomprehensible=confusing
injoignable=unreachable insuffisant=insufficient interdit=banned
interdire=ban introuvable=missing inutile=useless jete=thrown_away lancer=launch lieu=place limite=limit loin=far
manquant=missing mettre=put meilleur=better mensuel=monthly mois=month montrer=show nul=useless obligatoire=compulsory
offrir=offer oublier=forget ouvrir=open parler=talk partir=leave perdu=lost perdre=lose permettre=allow plein=full
porter=carry possible=possible pouvoir=power prioritaire=priority priorite=priority proposer=propose proche=near
proteger=protect rapidement=quickly rare=rare recevoir=receive reduire=reduce reduit=reduced refaire=redo regulier=regular
rendre=make rester=stay retenir=hold_back revoir=review sale=dirty sauver=save savoir=know semaine=week sentir=feel
simple=simple souvent=often suivre=follow supplementaire=extra supprimer=remove tard=late tot=early tomber=fall
tourner=turn traiter=handle trouver=find utiliser=use venir=come vieillissant=ageing vivre=live voir=see vouloir=want
`;

const FRENCH_STEMMER = newStemmer("french");

function build(): { byWord: Map<string, string[]>; byStem: Map<string, string[]> } {
  const byWord = new Map<string, string[]>();
  const byStem = new Map<string, string[]>();
  for (const entry of ENTRIES.split(/\s+/)) {
    const [french, english] = entry.split("=");
    if (!french || !english) continue;
    const key = fold(french);
    const value = english.split("_");
    if (!byWord.has(key)) byWord.set(key, value);
    const stem = fold(FRENCH_STEMMER.stem(key));
    if (!byStem.has(stem)) byStem.set(stem, value);
  }
  return { byWord, byStem };
}

const GLOSSARY = build();

/** The English words for a folded French word (and its French stem), or undefined when the glossary lacks it. */
export function englishFor(word: string, frenchStem: string): readonly string[] | undefined {
  return GLOSSARY.byWord.get(word) ?? GLOSSARY.byStem.get(frenchStem);
}

const ENGLISH_WORDS: ReadonlySet<string> = new Set(
  [...GLOSSARY.byWord.values()].flat().filter((word) => !GLOSSARY.byWord.has(word)),
);

/** Whether a folded word is an everyday English word that is not also French (the glossary's English side). */
export function isEnglishWord(word: string): boolean {
  return ENGLISH_WORDS.has(word);
}

/** How many French words the glossary knows, for tests and the bench. */
export function glossarySize(): number {
  return GLOSSARY.byWord.size;
}
