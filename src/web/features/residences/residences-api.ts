// Residences and programs on the client: the lists admins choose from.
import { useQuery } from '@tanstack/react-query';
import { programApi } from '../../../shared/contracts/programs.ts';
import { residenceApi } from '../../../shared/contracts/residences.ts';
import { queryFor } from '../../app/api.ts';

export function useResidences() {
  return useQuery(queryFor(residenceApi.list));
}

export function usePrograms() {
  return useQuery(queryFor(programApi.list));
}
