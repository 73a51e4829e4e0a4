/**
 * Frequent English words. A squashed match made only of these ("pen is", "the rapist") is an
 * accident of spacing, not an evasion, and one of these is never read as a misspelled name
 * ("maria" is not "mario"). Kept short on purpose: it guards, it is not a dictionary.
 */
const words = `
a an and are as at be been but by can did do does for from go had has have he her him his how i
if in into is it its me my no not of off on or our out she so than that the their them then there
these they this to too up us was we were what when where which who why will with you your
all any about above after again also am back before being below between both came come could day
down each even every few first get give good got here just know last like little long look made
make man many more most much must new now old one only other over own part people put right said
same see should show some still such take tell thing think through time two under upon very want
way well went while work world would year years
across against along around away behind beside beyond during inside near outside past toward
within without
air arm art bag ball bank bar bat bed bell big bird black blue boat body book box bus cake call
camera car care cat city clear close cloud cold color cool cup cut dark deep dog door dress drive
dry ear earth east end eye face fall far farm fast field fire fish flat floor flower fly food foot
forest free fresh front full game garden girl glass gold grass great green ground hair half hand
happy hard hat head heart heat high hill hold home hot house ice iron island king lake land large
late leaf left light line lion long love low map mark men milk mind moon morning mother mountain
mouth move music name night north ocean open page paint paper park party pen pet piece place plan
plant play point pool power queen rain red river road rock roof room rose round run sand sea seat
ship shop short side sign sing sit sky slow small smile snow soft song sound south space spring
square stand star start step stone story street strong summer sun table tall tea team tiny top
town train tree turn wall war warm watch water wave west wet white wide wild wind window winter
wood yellow young
act add age ago ah aid aim ash ask ate bit bow boy bun cap cow cry dad den dew die dig dot due dye
egg elf era eve fan fat fee fig fit fix fog fox fun fur gap gas gum gun guy hay hen hid hip hit
hop hug hut ink jam jar jaw jet job jog joy key kid kit lab lap law lay leg let lid lie lip log
lot mad mat mix mom mud mug nap net nod nut oak oar odd oil owl pad pan paw pay pea pie pig pin pit
pop pot ran rat raw ray rib rid rim rip rod row rub rug sad sat saw say set sew shy sip six ski
son sow spa spy sum tab tag tan tap tar ten tie tin tip toe ton toy tub van vet wax web wig win
wit yes yet zoo
ed al ex ma pa er um oh ok ox
`;

export const commonWords: ReadonlySet<string> = new Set(
  words.split(/\s+/).filter((word) => word !== ''),
);
