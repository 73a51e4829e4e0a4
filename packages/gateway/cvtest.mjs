import cvModule from '@techstark/opencv-js';
const t0 = Date.now();
let cv = cvModule;
console.log(typeof cv, cv instanceof Promise, typeof cv.then, Object.keys(cv).length, typeof cv.Mat);
if (typeof cv.then === 'function') { cv = await cv; }
else if (typeof cv.Mat !== 'function') { await new Promise(r => { cv.onRuntimeInitialized = r; }); }
console.log(Date.now()-t0, typeof cv.Mat, typeof cv.calcOpticalFlowFarneback, typeof cv.remap, typeof cv.matFromArray);
