# Reads a hypermag run back with ParaView's XDMF 3 reader and VTK's XML readers and checks every array against the
# HDF5 frames (read with h5py). Usage: pvpython readback.py RUN_DIR  (run by ParaViewReadBackTest).
import glob
import os
import sys

import h5py
import numpy as np
from paraview import servermanager as sm
from paraview import simple
from vtk.numpy_interface import dataset_adapter as dsa
import vtk

run = sys.argv[1]
frames = []
for f in sorted(glob.glob(os.path.join(run, 'frames', 'segment-*.h5'))):
    with h5py.File(f, 'r') as h:
        frames.extend(np.asarray(h['m'][()]))
with h5py.File(os.path.join(run, 'run.h5'), 'r') as h:
    sizes = h['geometry/sizes'][()]
    times = h['frames/time'][()]


def arrays(w, name):
    if name in w.CellData.keys():
        return np.asarray(w.CellData[name])
    return np.asarray(w.PointData[name])


reader = simple.Xdmf3ReaderS(FileName=os.path.join(run, 'run.xdmf'))
reader.UpdatePipelineInformation()
steps = list(reader.TimestepValues)
assert len(steps) == len(frames), ('timesteps', len(steps), 'frames', len(frames))
for k, t in enumerate(steps):
    reader.UpdatePipeline(t)
    w = dsa.WrapDataObject(sm.Fetch(reader))
    m = arrays(w, 'm')
    assert np.array_equal(m, frames[k]), ('xdmf m differs at frame', k)
    assert float(np.asarray(w.FieldData['t'])[0]) == times[k], ('xdmf t differs at frame', k)
print('xdmf: %d frames equal' % len(steps))

files = sorted(glob.glob(os.path.join(run, 'vtk', 'frame*.vt[iu]')))
assert files, 'no vtk files'
for f in files:
    k = int(os.path.basename(f)[5:11])
    r = vtk.vtkXMLImageDataReader() if f.endswith('.vti') else vtk.vtkXMLUnstructuredGridReader()
    r.SetFileName(f)
    r.Update()
    w = dsa.WrapDataObject(r.GetOutput())
    m = arrays(w, 'm')
    assert np.allclose(m, frames[k], rtol=1e-7, atol=1e-9), ('vtk m differs', f)
    assert float(np.asarray(w.FieldData['t'])[0]) == times[k], ('vtk t differs', f)
    if f.endswith('.vtu'):
        assert np.array_equal(np.asarray(w.CellData['size']), sizes), ('vtu sizes differ', f)
pvd = simple.PVDReader(FileName=os.path.join(run, 'vtk', 'frames.pvd'))
pvd.UpdatePipelineInformation()
assert list(pvd.TimestepValues) == list(range(len(files))), ('pvd steps', pvd.TimestepValues)
print('vtk: %d files equal' % len(files))
