// Given names the shared gender lists (text/gender.ts) do not hold, mostly from South Asian news ("Priya Nair",
// "Mamata Banerjee"), so that "she said" after two people skips the man there too. A person's gender read here is
// kept on the entity, like a gender a title gives. Names common to both genders in use (Kiran, Kamal) are left out.
import { genderOf, type Gender } from '../text/gender';
import type { Entity } from './registry';

const words = (s: string): Set<string> => new Set(s.trim().split(/\s+/));

const MALE = words(`
  rahul narendra amit arvind manmohan rajnath nitin piyush arun sushil lalu nitish akhilesh mulayam yogi sachin
  virat rohit mahendra sourav anil mukesh ratan gautam sanjay vijay ajay rajesh ramesh suresh mahesh dinesh ganesh
  rakesh mukul ashok prakash deepak vikas vikram vivek harsh harish karan kunal manoj naveen pankaj pradeep rajiv
  rajeev sandeep sunil tarun uday vinod yashwant shashi shivraj devendra uddhav sharad jyotiraditya kapil prashant
  ravi ravindra anurag hardik jasprit shikhar ajinkya cheteshwar yuvraj zaheer irfan imran omar farooq abdul
  mohammed mohammad muhammad ahmed hassan hussain syed salman aamir akshay ranveer ranbir hrithik abhishek amitabh
  siddharth siddaramaiah chandrababu jagan revanth himanta pinarayi basavaraj bhupesh ashwini jitendra hemant
  giriraj gopal govind hari jagdish krishna lalit madan mohan nand narayan om prem raj ram raman sameer satish
  shankar shiv surendra sushant tejashwi tejasvi varun yash aditya arjun ashish chetan gaurav nikhil pranav
  rohan sahil tushar umesh vishal
`);

const FEMALE = words(`
  priya sunita mamata nirmala sonia smriti sushma indira pratibha mayawati jayalalithaa anjali pooja puja neha
  deepika kavita kavitha lakshmi meena meera sita gita geeta radha rekha shabana shilpa shweta sneha swati
  aishwarya anushka kareena priyanka madhuri sania saina mithali harmanpreet smita usha asha lata nita neeta rani
  rupa savita seema shanti sharmila sujata sunanda supriya vandana vidya divya kajal kangana alia rashmi bharti
  hema aruna archana babita bhavana chitra dipa durga gauri geetha gayatri jyoti kalpana kamla lalita leela
  malini manju mohini nalini nandini padma parvati poonam preeti radhika rajni ranjana ritu roshni sadhana
  sangeeta sarita shalini sheela shobha sonal sudha suman tanvi uma vasundhara vijaya ayesha fatima zainab nusrat
  mehbooba farah shazia aditi ananya anita deepa ishita kriti mahua manisha nidhi pallavi pragya ranjani renuka
  sakshi shraddha soumya sunaina trisha varsha yamini
`);

/** People whose given name told no gender: not read again for every pronoun (they stay unknown until a he/she tells). */
const untold = new WeakSet<Entity>();

/** The person's gender: as the article told it (title, name, an earlier he/she), else from the names above. */
export function personGender(e: Entity): Gender | null {
  if (e.gender !== null || e.kind !== 'person' || untold.has(e)) return e.gender;
  const given = e.name.split(' ', 1)[0].toLowerCase();
  const g = MALE.has(given) ? 'm' : FEMALE.has(given) ? 'f' : genderOf([], given);
  if (g) e.gender = g;
  else untold.add(e);
  return g;
}
